package kz.qatysu.allocation.domain;

/**
 * The comparison step of Wieliczka and Świecie: the MES outcome against the greedy-by-votes outcome.
 *
 * @param measure                {@code satisfaction} (more approved winners) or {@code exclusionRatio} (at least one)
 * @param votersPreferringMes    voters strictly better off with the MES outcome
 * @param votersPreferringGreedy voters strictly better off with the greedy outcome
 * @param greedyChosen           true when more voters preferred greedy, so the greedy outcome was returned
 * @param greedySelection        the greedy outcome, in selection order
 * @param mesSelection           the MES outcome, in selection order
 */
public record Comparison(String measure, long votersPreferringMes, long votersPreferringGreedy, boolean greedyChosen,
                         java.util.List<String> greedySelection, java.util.List<String> mesSelection) {

    public Comparison {
        greedySelection = java.util.List.copyOf(greedySelection);
        mesSelection = java.util.List.copyOf(mesSelection);
    }
}
