package kz.qatysu.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void writesKeysInSortedOrderAtEveryLevelWithoutWhiteSpace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", true);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", inner);
        outer.put("a", Arrays.asList("x", null, 2L));

        assertThat(CanonicalJson.write(outer)).isEqualTo("{\"a\":[\"x\",null,2],\"b\":{\"a\":true,\"z\":1}}");
    }

    @Test
    void givesTheSameTextWhateverTheInsertionOrder() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("rule", "greedy_cost");
        one.put("budget", 1000L);
        Map<String, Object> two = new HashMap<>();
        two.put("budget", 1000);
        two.put("rule", "greedy_cost");

        assertThat(CanonicalJson.write(one)).isEqualTo(CanonicalJson.write(two));
    }

    @Test
    void keepsNonAsciiTextAndEscapesQuotes() {
        assertThat(CanonicalJson.write(Map.of("t", "Саябақ \"Жас\" <b>")))
                .isEqualTo("{\"t\":\"Саябақ \\\"Жас\\\" <b>\"}");
    }

    @Test
    void refusesValuesWithoutACanonicalForm() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("at", Instant.EPOCH)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("x", 1.5))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("l", List.of(Map.of(1, 2)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hashesTheUtf8BytesWithSha256() {
        assertThat(CanonicalJson.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(CanonicalJson.sha256Hex("")).isEqualTo(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
