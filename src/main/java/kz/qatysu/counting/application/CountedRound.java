package kz.qatysu.counting.application;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.qatysu.counting.domain.CountedBallot;
import kz.qatysu.counting.domain.RoundAllocation;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.RoundCategory;

/**
 * What an allocation of a closed round is computed from: the projects on its ballot, its counted ballots and its
 * budgets. Used by the count itself and by the staff's rule comparison, so both read the same ballots the same way.
 * Runs in its caller's transaction and security context.
 */
@Dependent
public class CountedRound {

    private static final int PAGE = 20_000;

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;

    /** The proposals on the ballot (those a count funds or not). */
    public List<Proposal> onBallot(BudgetRound round) {
        return em.createNamedQuery("Proposal.findByRound", Proposal.class).setParameter("round", round)
                .getResultStream().filter(p -> p.status() == ProposalStatus.ON_BALLOT
                        || p.status() == ProposalStatus.FUNDED || p.status() == ProposalStatus.NOT_FUNDED).toList();
    }

    /** The projects of the ballot as the engine sees them. */
    public static List<RoundAllocation.Option> options(List<Proposal> onBallot) {
        return onBallot.stream().map(p -> new RoundAllocation.Option(p.getId(), p.assessedCost().orElseThrow(),
                p.categoryCode())).toList();
    }

    /** Every counted ballot of the round (the current one of each voter), read page by page in id order. */
    public List<RoundAllocation.CountedChoice> ballots(long roundId) {
        List<RoundAllocation.CountedChoice> ballots = new ArrayList<>();
        for (List<CountedBallot> page = page(roundId, 0); !page.isEmpty();
             page = page(roundId, page.get(page.size() - 1).ballotId())) {
            page.forEach(b -> ballots.add(b.choice()));
        }
        return ballots;
    }

    /** The budgets of the round's categories that have one, by code. */
    public static Map<String, Long> categoryBudgets(BudgetRound round) {
        Map<String, Long> budgets = new HashMap<>();
        for (RoundCategory c : round.categories()) {
            if (c.budget() != null) {
                budgets.put(c.code(), c.budget());
            }
        }
        return budgets;
    }

    /** Whether the round's ballots carry points. */
    public static boolean cumulative(BudgetRound round) {
        return round.ballotRule().map(r -> r.kind() == BallotRule.Kind.CUMULATIVE).orElse(false);
    }

    @SuppressWarnings("unchecked")
    private List<CountedBallot> page(long roundId, long afterBallot) {
        List<Object[]> rows = em.createNativeQuery("select id, array_to_string(proposal_ids, ','), "
                        + "array_to_string(points, ',') from ballot where round_id = ?1 and superseded_at is null "
                        + "and id > ?2 order by id limit " + PAGE)
                .setParameter(1, roundId).setParameter(2, afterBallot).getResultList();
        List<CountedBallot> ballots = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            ballots.add(new CountedBallot(roundId, ((Number) r[0]).longValue(),
                    Arrays.stream(((String) r[1]).split(",")).mapToLong(Long::parseLong).toArray(),
                    Arrays.stream(((String) r[2]).split(",")).mapToInt(Integer::parseInt).toArray()));
        }
        return ballots;
    }
}
