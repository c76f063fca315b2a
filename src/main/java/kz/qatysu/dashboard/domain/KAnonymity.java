package kz.qatysu.dashboard.domain;

/**
 * The smallest group of people a demographic figure may describe: a count below {@code k} is suppressed (shown as
 * "fewer than k"), so no cell of an age-and-sex breakdown points at a handful of identifiable voters. The same k as
 * the open data ({@code qatysu.opendata.k-anonymity}).
 */
public record KAnonymity(int k) {

    public KAnonymity {
        if (k < 1) {
            throw new IllegalArgumentException("k is at least 1");
        }
    }

    /** One published cell: its count, or {@code null} when suppressed. */
    public record Cell(Long count) {
        public boolean suppressed() {
            return count == null;
        }
    }

    public Cell cell(long count) {
        return new Cell(count >= k ? count : null);
    }
}
