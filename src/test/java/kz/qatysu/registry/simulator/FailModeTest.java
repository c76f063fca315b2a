package kz.qatysu.registry.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailModeTest {

    @Test
    void readsEverySettingFromJson() {
        FailMode mode = read("{\"mode\":\"TIMEOUT\",\"delayMs\":1500,\"reject\":\"round-7\",\"downForMs\":200,"
                + "\"acceptThenTimeout\":true}");

        assertThat(mode).isEqualTo(new FailMode(FailMode.Mode.TIMEOUT, Duration.ofMillis(1500), "round-7",
                Duration.ofMillis(200), true));
    }

    @Test
    void anEmptyObjectMeansOkAndSlowHasAShorterDefaultDelay() {
        assertThat(read("{}")).isEqualTo(FailMode.ok());
        assertThat(read("{\"mode\":\"slow\"}").delay()).isEqualTo(FailMode.DEFAULT_SLOW_DELAY);
    }

    @Test
    void refusesNegativeDelaysAndWrongTypes() {
        assertThatThrownBy(() -> read("{\"delayMs\":-1}")).hasMessageContaining("delayMs");
        assertThatThrownBy(() -> read("{\"acceptThenTimeout\":\"yes\"}")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> read("{\"reject\":5}")).hasMessageContaining("reject is a string");
    }

    @Test
    void rejectsMessagesWhoseKeyOrBodyContainsTheText() {
        FailMode mode = FailMode.rejecting("round-7");

        assertThat(mode.rejects("alloc-round-7-v1", "{}")).isTrue();
        assertThat(mode.rejects("k", "{\"title\":\"round-7\"}")).isTrue();
        assertThat(mode.rejects("k", "{}")).isFalse();
    }

    private static FailMode read(String json) {
        return FailMode.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }
}
