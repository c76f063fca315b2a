package kz.qatysu.platform.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The benchmarks' load: N clients in a closed loop (each sends its next request when the last one is answered, after
 * an optional think time), a warm-up, then a measured interval in which the wall time of every successful request is
 * recorded and failures are counted. A request started in the warm-up or ending after the interval is not counted.
 */
public final class ClosedLoopLoad {

    /** One request of client {@code client}; true when it succeeded. */
    @FunctionalInterface
    public interface Request {
        boolean send(int client) throws Exception;
    }

    /** The measured interval: successful requests' latencies in nanoseconds, sorted, and the failures. */
    public record Result(long[] latencies, long errors, int seconds) {
        public int count() {
            return latencies.length;
        }

        public double perSecond() {
            return latencies.length / (double) seconds;
        }

        /** The p-quantile (0 < p ≤ 1) in milliseconds, NaN without requests. */
        public double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }
    }

    private ClosedLoopLoad() {
    }

    public static Result run(int clients, int warmupSeconds, int seconds, Request request) throws Exception {
        return run(clients, warmupSeconds, seconds, 0, request);
    }

    /**
     * As above, each client pausing between requests for a think time drawn uniformly from half to one and a half
     * times {@code thinkMillis} (as a person reads a page before the next one).
     */
    public static Result run(int clients, int warmupSeconds, int seconds, long thinkMillis, Request request)
            throws Exception {
        AtomicBoolean measuring = new AtomicBoolean(false);
        AtomicBoolean stop = new AtomicBoolean(false);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                long[] samples = new long[1 << 12];
                int n = 0;
                long errors = 0;
                java.util.SplittableRandom random = new java.util.SplittableRandom(client);
                if (thinkMillis > 0) {
                    Thread.sleep(random.nextLong(thinkMillis + 1));
                }
                while (!stop.get()) {
                    boolean counted = measuring.get();
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        ok = request.send(client);
                    } catch (java.io.IOException e) {
                        ok = false;
                    }
                    long took = System.nanoTime() - start;
                    if (counted && measuring.get()) {
                        if (!ok) {
                            errors++;
                        } else {
                            if (n == samples.length) {
                                samples = Arrays.copyOf(samples, n * 2);
                            }
                            samples[n++] = took;
                        }
                    }
                    if (thinkMillis > 0 && !stop.get()) {
                        Thread.sleep(thinkMillis / 2 + random.nextLong(thinkMillis + 1));
                    }
                }
                long[] out = Arrays.copyOf(samples, n + 1);
                out[n] = errors;
                return out;
            }));
        }
        Thread.sleep(warmupSeconds * 1000L);
        measuring.set(true);
        Thread.sleep(seconds * 1000L);
        measuring.set(false);
        stop.set(true);
        List<long[]> parts = new ArrayList<>();
        long errors = 0;
        int total = 0;
        for (Future<long[]> f : futures) {
            long[] out = f.get();
            errors += out[out.length - 1];
            parts.add(out);
            total += out.length - 1;
        }
        pool.shutdown();
        long[] all = new long[total];
        int at = 0;
        for (long[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length - 1);
            at += part.length - 1;
        }
        Arrays.sort(all);
        return new Result(all, errors, seconds);
    }
}
