package kz.qatysu.allocation.domain;

/**
 * The per-voter endowments of an MES completion that raises them step by step (Add1).
 *
 * @param startPerVoter the endowment of the first MES run
 * @param finalPerVoter the endowment whose MES outcome was returned
 * @param mesRuns       how many MES runs the search needed (the rejected last one included)
 */
public record Endowment(String startPerVoter, String finalPerVoter, int mesRuns) {
}
