package kz.qatysu.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal and text key of the monitoring feature has a text in each language. */
class MonitoringMessageKeysTest {

    /** {@code new DomainRuleViolation("monitoring.…", …)} and every other quoted {@code monitoring.} key. */
    private static final Pattern KEY = Pattern.compile("\"(monitoring\\.(?:error|done|status|update)\\.[a-z0-9.-]+)\"");
    /** {@code CleanText.required(…, "prefix")}: the prefix yields {@code prefix-blank} and {@code prefix-too-long}. */
    private static final Pattern TEXT = Pattern.compile(
            "CleanText\\.(?:required|optional)\\([^;]*?\"([a-z0-9.-]+)\"\\)", Pattern.DOTALL);

    @ParameterizedTest
    @ValueSource(strings = {"", "_en", "_kk", "_ru"})
    void everyKeyOfTheMonitoringFeatureHasAText(String language) throws IOException {
        Set<String> keys = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        // The web layer names key prefixes (which field shows which refusal); the keys are raised below it.
        try (Stream<Path> sources = Stream.concat(Files.walk(Path.of("src/main/java/kz/qatysu/monitoring/domain")),
                Files.walk(Path.of("src/main/java/kz/qatysu/monitoring/application")))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Matcher key = KEY.matcher(code);
                while (key.find()) {
                    keys.add(key.group(1));
                }
                Matcher text = TEXT.matcher(code);
                while (text.find()) {
                    prefixes.add(text.group(1));
                    keys.add(text.group(1) + "-blank");
                    keys.add(text.group(1) + "-too-long");
                }
            }
        }
        keys.removeAll(prefixes);
        for (var status : kz.qatysu.monitoring.domain.ImplementationStatus.values()) {
            keys.add(status.messageKey());
        }
        for (var kind : kz.qatysu.monitoring.domain.UpdateKind.values()) {
            keys.add(kind.messageKey());
        }
        Properties bundle = new Properties();
        try (var in = new InputStreamReader(getClass().getResourceAsStream(
                "/kz/qatysu/i18n/messages" + language + ".properties"), StandardCharsets.UTF_8)) {
            bundle.load(in);
        }

        assertThat(keys).contains("monitoring.error.percent-range", "monitoring.error.caption-blank",
                "monitoring.update.milestone-done");
        assertThat(bundle.stringPropertyNames()).containsAll(keys);
    }
}
