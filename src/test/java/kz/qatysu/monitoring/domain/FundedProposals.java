package kz.qatysu.monitoring.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.proposal.domain.CostEstimate;
import kz.qatysu.proposal.domain.CostLine;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalContent;
import kz.qatysu.proposal.domain.ProposalDescription;
import kz.qatysu.proposal.domain.ProposalLocation;
import kz.qatysu.proposal.domain.ProposalTitle;
import kz.qatysu.proposal.domain.Proposer;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.RoundFixtures;

/** Proposals of the Bostandyk test round brought along legal transitions to the ballot and the count. */
final class FundedProposals {

    static final Actor MODERATOR = Actor.staff("moderator.bostandyk");
    static final Actor SYSTEM = Actor.system("counting");
    static final Instant NOW = Instant.parse("2026-07-10T06:00:00Z");
    static final long ASSESSED = 7_500_000L;

    private FundedProposals() {
    }

    /** A proposal on the ballot of a round in counting, then funded or not. */
    static Proposal counted(boolean funded) {
        BudgetRound round = RoundFixtures.advance(RoundFixtures.roundWithRules(false), Phase.PROPOSAL_SUBMISSION);
        Actor author = Actor.citizen(42L);
        Proposal p = Proposal.draft(round, Proposer.citizen(42L), RoundFixtures.INSIDE_BOSTANDYK,
                new ProposalContent(new ProposalTitle("Саябаққа жаңа орындықтар"),
                        new ProposalDescription("Орындықтар мен шамдар орнату."), "parks",
                        ProposalLocation.of("Әл-Фараби даңғылы, 77"),
                        CostEstimate.of(List.of(new CostLine("Орындықтар", 20, 400_000))), Set.of()),
                author, NOW);
        p.submit(author, NOW);
        p.startModeration(MODERATOR, NOW);
        p.accept(MODERATOR, NOW);
        p.startReview(MODERATOR, NOW);
        p.markFeasible(ASSESSED, null, MODERATOR, NOW);
        p.placeOnBallot(SYSTEM, NOW);
        RoundFixtures.advance(round, Phase.COUNTING);
        p.recordResult(funded, SYSTEM, NOW);
        return p;
    }

    static Proposal funded() {
        return counted(true);
    }
}
