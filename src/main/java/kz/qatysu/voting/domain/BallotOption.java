package kz.qatysu.voting.domain;

/** A project on the ballot: a feasible proposal of the round with the cost the expert council assessed. */
public record BallotOption(long proposalId, long assessedCost) {

    public BallotOption {
        if (assessedCost <= 0) {
            throw new IllegalArgumentException("assessed cost must be positive");
        }
    }
}
