package kz.qatysu.proposal.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.RoundFixtures;

/** Proposals for tests, and a way to bring one into any status along legal transitions. */
final class ProposalFixtures {

    static final long AUTHOR_ID = 42L;
    static final Actor AUTHOR = Actor.citizen(AUTHOR_ID);
    static final Actor MODERATOR = Actor.staff("moderator.bostandyk");
    static final Actor SYSTEM = Actor.system("calendar");
    static final Instant NOW = Instant.parse("2026-02-10T06:00:00Z");

    private ProposalFixtures() {
    }

    static ProposalContent content() {
        return content(CostEstimate.of(List.of(
                new CostLine("Орындықтар", 20, 150_000),
                new CostLine("Жарықтандыру", 10, 400_000))));
    }

    static ProposalContent content(CostEstimate cost) {
        return new ProposalContent(new ProposalTitle("Саябаққа жаңа орындықтар"),
                new ProposalDescription("Әл-Фараби даңғылындағы саябаққа орындықтар мен шамдар орнату."),
                "parks", ProposalLocation.of("Әл-Фараби даңғылы, 77", 43.2180, 76.9270), cost,
                Set.of(Bin.parse("940140000385")));
    }

    /** A round in proposal submission with both rules chosen. */
    static BudgetRound openRound(boolean withSupport) {
        return RoundFixtures.advance(RoundFixtures.roundWithRules(withSupport), Phase.PROPOSAL_SUBMISSION);
    }

    static Proposal draft(BudgetRound round) {
        return Proposal.draft(round, Proposer.citizen(AUTHOR_ID), RoundFixtures.INSIDE_BOSTANDYK, content(), AUTHOR, NOW);
    }

    /** A fresh proposal (in its own round) brought to {@code status} by legal transitions. */
    static Proposal in(ProposalStatus status) {
        boolean support = status == ProposalStatus.SUPPORT_COLLECTION;
        BudgetRound round = openRound(support);
        Proposal p = draft(round);
        switch (status) {
            case DRAFT -> { }
            case SUBMITTED -> p.submit(AUTHOR, NOW);
            case SUPPORT_COLLECTION -> {
                p.submit(AUTHOR, NOW);
                p.openSupportCollection(SYSTEM, NOW);
            }
            case WITHDRAWN -> p.withdraw(AUTHOR, NOW);
            default -> {
                p.submit(AUTHOR, NOW);
                p.startModeration(MODERATOR, NOW);
                afterModeration(p, status, round);
            }
        }
        return p;
    }

    private static void afterModeration(Proposal p, ProposalStatus status, BudgetRound round) {
        switch (status) {
            case UNDER_MODERATION -> { }
            case RETURNED_FOR_CHANGES -> p.returnForChanges("Сметаны нақтылаңыз", MODERATOR, NOW);
            case REJECTED -> p.reject(RejectionReason.OUTSIDE_COMPETENCE, null, MODERATOR, NOW);
            case MERGED -> {
                Proposal survivor = draft(round);
                survivor.submit(AUTHOR, NOW);
                survivor.startModeration(MODERATOR, NOW);
                p.mergeInto(survivor, "Дубликат", MODERATOR, NOW);
            }
            default -> {
                p.accept(MODERATOR, NOW);
                afterAcceptance(p, status, round);
            }
        }
    }

    private static void afterAcceptance(Proposal p, ProposalStatus status, BudgetRound round) {
        if (status == ProposalStatus.ACCEPTED) {
            return;
        }
        p.startReview(MODERATOR, NOW);
        switch (status) {
            case UNDER_REVIEW -> { }
            case INFEASIBLE -> p.markInfeasible(InfeasibilityReason.LEGAL, null, MODERATOR, NOW);
            default -> {
                p.markFeasible(7_500_000L, null, MODERATOR, NOW);
                if (status == ProposalStatus.FEASIBLE) {
                    return;
                }
                p.placeOnBallot(SYSTEM, NOW);
                if (status == ProposalStatus.ON_BALLOT) {
                    return;
                }
                RoundFixtures.advance(round, Phase.COUNTING);
                p.recordResult(status == ProposalStatus.FUNDED, SYSTEM, NOW);
            }
        }
    }

    /** A live proposal of the same round when {@code p} may be merged; any live proposal otherwise. */
    private static Proposal survivorFor(Proposal p) {
        if (!p.status().canMoveTo(ProposalStatus.MERGED)) {
            return in(ProposalStatus.UNDER_MODERATION);
        }
        Proposal survivor = draft(p.round());
        survivor.submit(AUTHOR, NOW);
        survivor.startModeration(MODERATOR, NOW);
        return survivor;
    }

    /** Attempts the move to {@code target} through the intention method that leads there. */
    static void attempt(Proposal p, ProposalStatus target) {
        switch (target) {
            case DRAFT -> throw new IllegalArgumentException("nothing moves back to a draft");
            case SUBMITTED -> p.submit(AUTHOR, NOW);
            case SUPPORT_COLLECTION -> p.openSupportCollection(SYSTEM, NOW);
            case UNDER_MODERATION -> p.startModeration(MODERATOR, NOW);
            case RETURNED_FOR_CHANGES -> p.returnForChanges("Нақтылаңыз", MODERATOR, NOW);
            case ACCEPTED -> p.accept(MODERATOR, NOW);
            case REJECTED -> p.reject(RejectionReason.OTHER, null, MODERATOR, NOW);
            case MERGED -> p.mergeInto(survivorFor(p), null, MODERATOR, NOW);
            case UNDER_REVIEW -> p.startReview(MODERATOR, NOW);
            case FEASIBLE -> p.markFeasible(1_000_000L, null, MODERATOR, NOW);
            case INFEASIBLE -> p.markInfeasible(InfeasibilityReason.TECHNICAL, null, MODERATOR, NOW);
            case ON_BALLOT -> p.placeOnBallot(SYSTEM, NOW);
            case FUNDED -> p.recordResult(true, SYSTEM, NOW);
            case NOT_FUNDED -> p.recordResult(false, SYSTEM, NOW);
            case WITHDRAWN -> p.withdraw(AUTHOR, NOW);
        }
    }
}
