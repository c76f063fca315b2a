package kz.qatysu.platform.cache;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Read-mostly figures (dashboard aggregates, rule comparisons of counted rounds) kept for a while, computed once for
 * every caller that asks at the same time: the first caller of an absent or expired key computes it (in its own
 * transaction and security context), the others wait for that result instead of running the same queries again.
 * A failed computation is not kept. Keys must not depend on who asks: callers check access before they ask.
 */
@ApplicationScoped
public class FiguresCache {

    /** Beyond this many keys, expired entries are dropped (and all of them if that is not enough). */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(long expiresAt, FutureTask<Object> value) {
    }

    private final Map<Object, Entry> entries = new ConcurrentHashMap<>();

    /**
     * The value of {@code key}, computed by {@code compute} unless a value younger than {@code keep} is there.
     *
     * @param keep how long a value may be served; zero or negative: always computed, never kept
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Duration keep, Supplier<T> compute) {
        if (keep.isZero() || keep.isNegative()) {
            return compute.get();
        }
        while (true) {
            long now = System.nanoTime();
            Entry present = entries.get(key);
            if (present != null && present.expiresAt - now > 0) {
                return (T) await(key, present);
            }
            Entry mine = new Entry(now + keep.toNanos(), new FutureTask<>(compute::get));
            boolean won = present == null ? entries.putIfAbsent(key, mine) == null : entries.replace(key, present, mine);
            if (won) {
                trim(now);
                mine.value.run();
                return (T) await(key, mine);
            }
        }
    }

    /** Forgets every value (e.g. after figures were corrected). */
    public void clear() {
        entries.clear();
    }

    private Object await(Object key, Entry entry) {
        try {
            return entry.value.get();
        } catch (ExecutionException e) {
            entries.remove(key, entry);
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for figures", e);
        }
    }

    private void trim(long now) {
        if (entries.size() > MAX_ENTRIES) {
            entries.values().removeIf(e -> e.expiresAt - now <= 0 && e.value.isDone());
            if (entries.size() > MAX_ENTRIES) {
                entries.clear();
            }
        }
    }
}
