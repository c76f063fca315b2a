package kz.qatysu.allocation.domain;

/** How a rule chooses among projects that are exactly tied. */
public enum TieBreaking {
    /**
     * pabutools' {@code lexico_tie_breaking}: the smallest project id in string order wins
     * ({@code "10" < "9"}, {@code "L010" < "L081"}).
     */
    LEXICOGRAPHIC,
    /**
     * equalshares.net: the cheapest project wins, then the one with most approvals; a tie that remains is broken by
     * the smallest id and reported in the outcome so that officials can draw lots instead.
     */
    MIN_COST_THEN_MAX_APPROVALS
}
