package kz.qatysu.opendata.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the open data lies ({@code qatysu.opendata.dir}, default {@code ~/.qatysu/opendata}): written by the
 * nightly-open-data job, served read-only at {@code /opendata/}.
 */
@ApplicationScoped
public class OpenDataFolder {

    @Inject
    @ConfigProperty(name = "qatysu.opendata.dir")
    Optional<String> configured;

    public Path root() {
        return configured.filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".qatysu", "opendata"))
                .toAbsolutePath().normalize();
    }

    /**
     * The file a request path names, if it is a regular file inside the folder (no way out with {@code ..}, no
     * hidden or temporary files).
     */
    public Optional<Path> file(String requestPath) {
        String relative = requestPath == null || requestPath.equals("/") ? "index.json" : requestPath.substring(1);
        if (relative.isEmpty() || relative.contains("\\") || relative.contains("\0")) {
            return Optional.empty();
        }
        Path root = root();
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || file.getFileName().toString().startsWith(".")
                || !java.nio.file.Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }
}
