package kz.qatysu.registry.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OutboxStoreTest {

    @Test
    void thePauseBeforeARetryDoublesWithEveryFailedAttemptUpToTheMaximum() {
        Duration base = Duration.ofSeconds(30);
        Duration max = Duration.ofHours(1);
        assertThat(OutboxStore.backoff(1, base, max)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OutboxStore.backoff(2, base, max)).isEqualTo(Duration.ofSeconds(60));
        assertThat(OutboxStore.backoff(5, base, max)).isEqualTo(Duration.ofMinutes(8));
        assertThat(OutboxStore.backoff(8, base, max)).isEqualTo(Duration.ofHours(1));
        assertThat(OutboxStore.backoff(200, base, max)).isEqualTo(Duration.ofHours(1));
    }
}
