package kz.qatysu.allocation.domain;

/**
 * How much a voter gains from a project (pabutools' satisfaction classes). Rules only ever use it additively.
 */
public enum Satisfaction {
    /** {@code Cost_Sat}: cost of the project if the voter chose it, else 0 ("cost utilities"). */
    COST,
    /** {@code Cardinality_Sat}: 1 if the voter chose the project, else 0. */
    CARDINALITY,
    /** {@code Additive_Cardinal_Sat}: the points the voter gave (cumulative/scoring ballots only). */
    POINTS,
    /** {@code Points_Cost_Sat}: points times cost (cumulative/scoring ballots only; equalshares.net score ballots). */
    POINTS_COST;

    public boolean needsPoints() {
        return this == POINTS || this == POINTS_COST;
    }
}
