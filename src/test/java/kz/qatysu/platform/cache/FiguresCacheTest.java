package kz.qatysu.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FiguresCacheTest {

    private final FiguresCache cache = new FiguresCache();

    @Test
    void fiftyCallersAtOnceShareOneComputation() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(pool.submit(() -> cache.get(List.of("turnout", "750000000"), Duration.ofMinutes(1), () -> {
                computations.incrementAndGet();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return 42;
            })));
        }
        Thread.sleep(200);
        release.countDown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(42);
        }
        pool.shutdown();
        assertThat(computations).hasValue(1);
    }

    @Test
    void aValueIsCountedAgainOnceItIsOlderThanAllowedAndKeysAreSeparate() throws Exception {
        AtomicInteger counts = new AtomicInteger();
        assertThat(cache.get("a", Duration.ofMillis(150), counts::incrementAndGet)).isEqualTo(1);
        assertThat(cache.get("a", Duration.ofMillis(150), counts::incrementAndGet)).isEqualTo(1);
        assertThat(cache.get("b", Duration.ofMillis(150), counts::incrementAndGet)).isEqualTo(2);
        Thread.sleep(250);
        assertThat(cache.get("a", Duration.ofMillis(150), counts::incrementAndGet)).isEqualTo(3);
    }

    @Test
    void zeroMeansEveryRequestCountsAndAFailureIsNotKept() {
        AtomicInteger counts = new AtomicInteger();
        assertThat(cache.get("a", Duration.ZERO, counts::incrementAndGet)).isEqualTo(1);
        assertThat(cache.get("a", Duration.ZERO, counts::incrementAndGet)).isEqualTo(2);
        assertThatThrownBy(() -> cache.get("c", Duration.ofMinutes(1), () -> {
            throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("database down");
        assertThat(cache.get("c", Duration.ofMinutes(1), () -> "recovered")).isEqualTo("recovered");
        cache.clear();
        assertThat(cache.get("c", Duration.ofMinutes(1), () -> "after clear")).isEqualTo("after clear");
    }
}
