package kz.qatysu.opendata.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenDataFolderTest {

    @TempDir
    Path root;

    private OpenDataFolder folder() {
        OpenDataFolder folder = new OpenDataFolder();
        folder.configured = Optional.of(root.toString());
        return folder;
    }

    @Test
    void onlyRegularVisibleFilesInsideTheFolderAreServed() throws Exception {
        Files.createDirectories(root.resolve("round-1"));
        Files.writeString(root.resolve("round-1/results.csv"), "x");
        Files.writeString(root.resolve("index.json"), "{}");
        Files.writeString(root.resolve("round-1/.writing-1.tmp"), "half");
        Files.writeString(root.getParent().resolve("secret.txt"), "no");

        assertThat(folder().file("/round-1/results.csv")).contains(root.resolve("round-1/results.csv"));
        assertThat(folder().file("/")).contains(root.resolve("index.json"));
        assertThat(folder().file(null)).contains(root.resolve("index.json"));
        assertThat(folder().file("/round-1/.writing-1.tmp")).isEmpty();
        assertThat(folder().file("/round-1")).isEmpty();
        assertThat(folder().file("/../secret.txt")).isEmpty();
        assertThat(folder().file("/round-1/../../secret.txt")).isEmpty();
        assertThat(folder().file("/round-1\\\\..\\\\x")).isEmpty();
    }

    @Test
    void agesAreGivenInBandsOnTheLastDayOfVoting() {
        LocalDate end = LocalDate.of(2026, 6, 1);
        assertThat(OpenDataExport.ageBand(LocalDate.of(2010, 6, 2), end)).isEqualTo("14-17");
        assertThat(OpenDataExport.ageBand(LocalDate.of(2008, 6, 1), end)).isEqualTo("18-24");
        assertThat(OpenDataExport.ageBand(LocalDate.of(2001, 6, 1), end)).isEqualTo("25-34");
        assertThat(OpenDataExport.ageBand(LocalDate.of(1992, 6, 2), end)).isEqualTo("25-34");
        assertThat(OpenDataExport.ageBand(LocalDate.of(1962, 6, 2), end)).isEqualTo("55-64");
        assertThat(OpenDataExport.ageBand(LocalDate.of(1961, 6, 1), end)).isEqualTo("65+");
    }
}
