package kz.qatysu.voting;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.citizen.domain.Iin;
import kz.qatysu.citizen.domain.PersonName;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.proposal.domain.CostEstimate;
import kz.qatysu.proposal.domain.CostLine;
import kz.qatysu.proposal.domain.InfeasibilityReason;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalContent;
import kz.qatysu.proposal.domain.ProposalDescription;
import kz.qatysu.proposal.domain.ProposalLocation;
import kz.qatysu.proposal.domain.ProposalTitle;
import kz.qatysu.proposal.domain.Proposer;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.PhaseCalendar;
import kz.qatysu.round.domain.RoundCategory;
import kz.qatysu.round.domain.RoundText;
import kz.qatysu.territory.domain.KatoCode;
import kz.qatysu.territory.domain.Territory;

/**
 * A round of the test's own in voting (so closing it leaves the demo rounds to the other tests): built through the
 * domain like the demo data, with feasible proposals on the ballot and one infeasible proposal off it. Call inside a
 * transaction.
 */
public final class VotingRoundFixture {

    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    private static final Actor SYSTEM = Actor.system("voting-it");

    /** The round and its proposals: {@code onBallot} in id order, {@code offBallot} infeasible. */
    public record TestRound(long id, List<Long> onBallot, long offBallot) {
    }

    private VotingRoundFixture() {
    }

    public static TestRound inVoting(EntityManager em, String kato, BallotRule rule, long budget, long... costs) {
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS);
        return inVoting(em, kato, rule, rule.kind() == BallotRule.Kind.CUMULATIVE ? "greedy_points" : "greedy_cost",
                day.plus(400, ChronoUnit.DAYS), day.plus(401, ChronoUnit.DAYS), budget, costs);
    }

    /**
     * A round in voting with the given allocation rule whose voting ends (counting starts) at {@code votingEnds}
     * and whose results are due at {@code resultsDue}.
     */
    public static TestRound inVoting(EntityManager em, String kato, BallotRule rule, String allocationRule,
                                     Instant votingEnds, Instant resultsDue, long budget, long... costs) {
        Instant now = Instant.now();
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        Map<Phase, Instant> starts = new EnumMap<>(Phase.class);
        starts.put(Phase.PROPOSAL_SUBMISSION, day.minus(60, ChronoUnit.DAYS));
        starts.put(Phase.MODERATION_AND_REVIEW, day.minus(30, ChronoUnit.DAYS));
        starts.put(Phase.VOTING, day.minus(2, ChronoUnit.DAYS));
        starts.put(Phase.COUNTING, votingEnds);
        starts.put(Phase.RESULTS_PUBLISHED, resultsDue);
        starts.put(Phase.IMPLEMENTATION, day.plus(402, ChronoUnit.DAYS));
        BudgetRound round = BudgetRound.draft(KatoCode.of(kato),
                RoundText.title("Сынақ раунды " + now, "Тестовый раунд " + now, "Test round " + now),
                RoundText.description("Сынақ", "Тест", "Test"), budget, PhaseCalendar.of(ZONE, starts), null, SYSTEM,
                starts.get(Phase.PROPOSAL_SUBMISSION).minus(1, ChronoUnit.DAYS));
        round.changeBudget(budget, null);
        round.defineCategories(List.of(new RoundCategory("parks", "Саябақтар", "Парки", "Parks", null)));
        round.chooseBallotRule(rule);
        round.chooseAllocationRule(allocationRule);
        round.advanceTo(Phase.PROPOSAL_SUBMISSION, starts.get(Phase.PROPOSAL_SUBMISSION), SYSTEM);
        em.persist(round);
        em.flush();
        long author = citizen(em, kato, LocalDate.of(1870, 1, 1)).getId();
        Actor citizen = Actor.citizen(author);
        Actor staff = Actor.staff("voting-it");
        List<Proposal> proposals = new ArrayList<>();
        for (int i = 0; i <= costs.length; i++) {
            long cost = i < costs.length ? costs[i] : 1_000_000L;
            Instant at = starts.get(Phase.PROPOSAL_SUBMISSION).plus(i + 1, ChronoUnit.HOURS);
            Proposal p = Proposal.draft(round, Proposer.citizen(author), KatoCode.of(kato), new ProposalContent(
                    new ProposalTitle("Жоба / Проект " + (i + 1)), new ProposalDescription("Сипаттама / Описание"),
                    "parks", ProposalLocation.of("Көше / Улица " + (i + 1)),
                    CostEstimate.of(List.of(new CostLine("Жұмыстар / Работы", 1, cost))), Set.of()), citizen, at);
            p.submit(citizen, at);
            em.persist(p);
            proposals.add(p);
        }
        round.advanceTo(Phase.MODERATION_AND_REVIEW, starts.get(Phase.MODERATION_AND_REVIEW), SYSTEM);
        Instant decided = starts.get(Phase.MODERATION_AND_REVIEW).plus(1, ChronoUnit.DAYS);
        for (int i = 0; i < proposals.size(); i++) {
            Proposal p = proposals.get(i);
            p.startModeration(staff, decided);
            p.accept(staff, decided);
            p.startReview(staff, decided);
            if (i < costs.length) {
                p.markFeasible(costs[i], "ok", staff, decided);
                p.placeOnBallot(SYSTEM, starts.get(Phase.VOTING).minus(1, ChronoUnit.HOURS));
            } else {
                p.markInfeasible(InfeasibilityReason.MAINTENANCE_NOT_POSSIBLE, "no", staff, decided);
            }
        }
        round.advanceTo(Phase.VOTING, starts.get(Phase.VOTING), SYSTEM);
        em.flush();
        proposals.forEach(Proposal::pullNotifications);
        List<Long> ids = proposals.stream().map(Proposal::getId).toList();
        return new TestRound(round.getId(), ids.subList(0, costs.length), ids.get(costs.length));
    }

    /**
     * A new citizen with a synthetic IIN living in the territory: born in the 1800s, or on that day if later. A day
     * has only a few thousand IINs and the test database keeps the citizens of earlier runs, so an IIN already taken
     * is drawn again.
     */
    public static Citizen citizen(EntityManager em, String kato, LocalDate birth) {
        String iin;
        do {
            iin = birth.getYear() < 1900 ? SyntheticIins.next() : SyntheticIins.bornOn(birth);
        } while (!em.createNamedQuery("Citizen.findByIin", Citizen.class).setParameter("iin", iin)
                .getResultList().isEmpty());
        Territory residence = em.find(Territory.class, kato);
        Citizen c = Citizen.register(Iin.parse(iin, LocalDate.now(ZONE)), new PersonName("Сынақов", "Сынақ", null),
                residence, Instant.now());
        em.persist(c);
        em.flush();
        return c;
    }
}
