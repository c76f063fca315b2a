package kz.qatysu.platform.faces;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every user-visible text exists in Kazakh, Russian and English, and none is empty. */
class MessageBundlesTest {

    private static Properties load(String suffix) throws IOException {
        Properties properties = new Properties();
        try (var in = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream(
                "/kz/qatysu/i18n/messages" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"_kk", "_ru", ""})
    void everyLanguageHasExactlyTheKeysOfEnglish(String suffix) throws IOException {
        Properties english = load("_en");
        Properties other = load(suffix);

        assertThat(other.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"_kk", "_ru", "_en"})
    void noTextIsBlank(String suffix) throws IOException {
        Properties properties = load(suffix);

        assertThat(properties.stringPropertyNames()).allSatisfy(key ->
                assertThat(properties.getProperty(key)).as(key).isNotBlank());
    }

    @Test
    void kazakhAndRussianAreTranslatedNotCopiedFromEnglish() throws IOException {
        Properties english = load("_en");
        Properties kazakh = load("_kk");
        Properties russian = load("_ru");

        long copiedKk = english.stringPropertyNames().stream()
                .filter(k -> english.getProperty(k).equals(kazakh.getProperty(k)) && english.getProperty(k).matches(".*[a-z]{4,}.*"))
                .count();
        long copiedRu = english.stringPropertyNames().stream()
                .filter(k -> english.getProperty(k).equals(russian.getProperty(k)) && english.getProperty(k).matches(".*[a-z]{4,}.*"))
                .count();
        // Language names ("English") and similar stay as they are; whole English sentences must not.
        assertThat(copiedKk).isLessThanOrEqualTo(3);
        assertThat(copiedRu).isLessThanOrEqualTo(3);
    }
}
