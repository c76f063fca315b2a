package kz.qatysu.proposal;

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
import org.junit.jupiter.api.Test;

/** Every refusal the proposal feature can raise has a text in the bundles (which MessageBundlesTest keeps aligned). */
class ProposalMessageKeysTest {

    /** {@code new DomainRuleViolation("key", …)} and {@code super("key", …)} in its subclasses. */
    private static final Pattern RULE = Pattern.compile(
            "(?:DomainRuleViolation|super)\\(\\s*\"([a-z]+\\.[a-z0-9.-]+)\"");
    /** {@code CleanText.required(…, "prefix")}: the prefix yields {@code prefix-blank} and {@code prefix-too-long}. */
    private static final Pattern TEXT = Pattern.compile(
            "CleanText\\.(?:required|optional)\\([^;]*?\"([a-z0-9.-]+)\"\\)", Pattern.DOTALL);

    @Test
    void everyRefusalKeyOfTheProposalFeatureHasAnEnglishText() throws IOException {
        Set<String> keys = new TreeSet<>(Set.of("staff.error.out-of-scope", "error.concurrent-change"));
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/kz/qatysu/proposal"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                Matcher rule = RULE.matcher(code);
                while (rule.find()) {
                    keys.add(rule.group(1));
                }
                Matcher text = TEXT.matcher(code);
                while (text.find()) {
                    keys.add(text.group(1) + "-blank");
                    keys.add(text.group(1) + "-too-long");
                }
            }
        }
        Properties english = new Properties();
        try (var in = new InputStreamReader(getClass().getResourceAsStream("/kz/qatysu/i18n/messages_en.properties"),
                StandardCharsets.UTF_8)) {
            english.load(in);
        }

        assertThat(keys).contains("proposal.error.comment-blank", "proposal.error.illegal-transition");
        assertThat(english.stringPropertyNames()).containsAll(keys);
    }
}
