package kz.qatysu.registry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DeliveryTest {

    @Test
    void theDetailIsOneLineOfAtMostFiveHundredCharacters() {
        Delivery delivery = Delivery.retry(503, null, "line one\r\n\tline two " + "x".repeat(600));

        assertThat(delivery.detail()).startsWith("line one line two xxx").hasSize(Delivery.MAX_DETAIL).endsWith("…");
    }

    @Test
    void refusesWhatIsNoHttpStatusOrDigest() {
        assertThatThrownBy(() -> Delivery.delivered(42, null, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Delivery.delivered(200, "abc", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anIdempotencyKeyIsSafeInHeadersAndFileNames() {
        assertThat(OutboundMessage.isValidKey("alloc-12-v3-treasury")).isTrue();
        assertThat(OutboundMessage.isValidKey("../etc/passwd")).isFalse();
        assertThat(OutboundMessage.isValidKey("a b")).isFalse();
        assertThat(OutboundMessage.isValidKey("x".repeat(129))).isFalse();
    }
}
