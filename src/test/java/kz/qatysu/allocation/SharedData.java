package kz.qatysu.allocation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import kz.qatysu.allocation.domain.Instance;
import kz.qatysu.allocation.pabulib.PabulibFormatException;
import kz.qatysu.allocation.pabulib.PabulibReader;

/** Locates the shared Pabulib data: system property {@code qatysu.shared}, default {@code ../shared}. */
public final class SharedData {

    private SharedData() {
    }

    public static Path pabulib() {
        String shared = System.getProperty("qatysu.shared", "../shared");
        return Path.of(shared, "data", "pabulib");
    }

    public static Path file(String name) {
        return pabulib().resolve(name);
    }

    public static List<Path> pbFiles() {
        try (Stream<Path> files = Files.list(pabulib())) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pb")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Instance read(String name) {
        try {
            return new PabulibReader().read(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (PabulibFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
