package kz.qatysu.platform.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kz.qatysu.proposal.domain.InfeasibilityReason;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.proposal.domain.RejectionReason;
import kz.qatysu.round.domain.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every message key the code and the pages use exists in the bundles: refusals thrown by the domain and services
 * (so that each refusal reaches the visitor as a sentence, never as a key), texts named in pages, and the keys
 * built from enums. And no bundle defines a key twice (branches merged side by side could).
 */
class MessageKeysUsedTest {

    private static final Pattern THROWN = Pattern.compile(
            "new (?:DomainRuleViolation|TextRefused|AccessRefused|ApiProblem)\\(\\s*(?:[^\"),]*,\\s*)?\"([a-z][a-z0-9.-]+)\"");
    private static final Pattern CLEAN_TEXT_REQUIRED = Pattern.compile(
            "CleanText\\.required\\([^;]*?\"([a-z][a-z0-9.-]+)\"\\)");
    private static final Pattern CLEAN_TEXT_OPTIONAL = Pattern.compile(
            "CleanText\\.optional\\([^;]*?\"([a-z][a-z0-9.-]+)\"\\)");
    private static final Pattern FACES_MESSAGE = Pattern.compile(
            "messages\\.(?:error|flashInfo|text)\\((?:[^\";]*,\\s*)?\"([a-z][a-z0-9.-]+)\"");
    private static final Pattern PAGE_KEY = Pattern.compile("i18n\\['([a-z][a-zA-Z0-9.-]+)'\\]");

    private static Properties english() throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(MessageKeysUsedTest.class.getResourceAsStream(
                "/kz/qatysu/i18n/messages_en.properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    private static List<String> read(Path root, String suffix) throws IOException {
        List<String> texts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                texts.add(Files.readString(file));
            }
        }
        return texts;
    }

    private static Set<String> matches(List<String> texts, Pattern pattern) {
        Set<String> keys = new TreeSet<>();
        for (String text : texts) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                keys.add(m.group(1));
            }
        }
        return keys;
    }

    @Test
    void everyRefusalThrownByTheCodeHasAText() throws IOException {
        List<String> java = read(Path.of("src/main/java"), ".java");
        Set<String> used = new TreeSet<>(matches(java, THROWN));
        for (String prefix : matches(java, CLEAN_TEXT_REQUIRED)) {
            used.add(prefix + "-blank");
            used.add(prefix + "-too-long");
        }
        for (String prefix : matches(java, CLEAN_TEXT_OPTIONAL)) {
            used.add(prefix + "-too-long");
        }
        used.addAll(matches(java, FACES_MESSAGE));
        // keys built at run time ("round.allocation." + rule) are checked where they are built
        used.removeIf(key -> !key.contains(".") || key.endsWith("."));

        assertThat(used).isNotEmpty();
        assertThat(used).allSatisfy(key -> assertThat(english().containsKey(key)).as(key).isTrue());
    }

    @Test
    void everyTextAPageNamesExists() throws IOException {
        Set<String> used = matches(read(Path.of("src/main/webapp"), ".xhtml"), PAGE_KEY);
        Properties english = english();

        assertThat(used).isNotEmpty();
        assertThat(used).allSatisfy(key -> assertThat(english.containsKey(key)).as(key).isTrue());
    }

    @Test
    void everyStatusPhaseAndReasonHasItsTexts() throws IOException {
        Properties english = english();
        Set<String> keys = new HashSet<>();
        for (ProposalStatus s : ProposalStatus.values()) {
            keys.add(s.messageKey());
            keys.add("proposal.notification." + s.code());
        }
        for (Phase p : Phase.values()) {
            keys.add(p.messageKey());
        }
        for (RejectionReason r : RejectionReason.values()) {
            keys.add("proposal.rejection." + r.name().toLowerCase().replace('_', '-'));
        }
        for (InfeasibilityReason r : InfeasibilityReason.values()) {
            keys.add("proposal.infeasibility." + r.name().toLowerCase().replace('_', '-'));
        }
        assertThat(keys).allSatisfy(key -> assertThat(english.containsKey(key)).as(key).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_kk", "_ru", "_en"})
    void noKeyIsDefinedTwice(String suffix) throws IOException {
        Set<String> seen = new HashSet<>();
        Set<String> twice = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/kz/qatysu/i18n/messages" + suffix + ".properties"))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                continue;
            }
            String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
            if (!seen.add(key)) {
                twice.add(key);
            }
        }
        assertThat(twice).isEmpty();
    }
}
