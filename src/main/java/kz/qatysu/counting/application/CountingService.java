package kz.qatysu.counting.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.allocation.application.AllocationService;
import kz.qatysu.allocation.domain.ProjectExplanation;
import kz.qatysu.audit.application.AuditTrail;
import kz.qatysu.counting.domain.CountedBallot;
import kz.qatysu.counting.domain.ResultsProtocol;
import kz.qatysu.counting.domain.RoundAllocation;
import kz.qatysu.counting.domain.Tally;
import kz.qatysu.counting.domain.TallyPosition;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.proposal.domain.AuthorNotification;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.round.application.RoundAdministration;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.voting.application.ReceiptLedger;
import kz.qatysu.voting.application.ReceiptPublication;
import org.w3c.dom.Document;

/**
 * Counting of closed rounds, step by step as the close-round job runs it: close the rounds whose voting ended, open a
 * count for each closed round, add chunks of counted ballots to the tally (inside the chunk's transaction, together
 * with the job's checkpoint), and finally allocate each fully tallied round and store its outcome, signed protocol
 * and registry messages in one transaction. Every step can run again without changing what an earlier run did.
 * Called by the batch artifacts only (no caller identity: runs as the system).
 */
@Stateless
@PermitAll
public class CountingService {

    static final Actor COUNTING = Actor.system("counting");
    private static final Logger LOGGER = Logger.getLogger(CountingService.class.getName());

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @EJB
    private RoundAdministration rounds;
    @Inject
    private ReceiptLedger receipts;
    @Inject
    private ResultsPublication publication;
    @Inject
    private CountedRound counted;
    @EJB
    private AuditTrail audit;
    @Inject
    private Clock clock;

    private final AllocationService engine = new AllocationService();

    /** Rounds still in voting whose calendar says voting has ended. */
    public List<Long> dueForClosing() {
        Instant now = clock.instant();
        return em.createNamedQuery("BudgetRound.findByPhase", BudgetRound.class).setParameter("phase", Phase.VOTING)
                .getResultStream().filter(r -> Phase.VOTING.isBefore(r.calendar().phaseAt(now)))
                .map(BudgetRound::getId).toList();
    }

    /**
     * Closes one round as its calendar says (compare-and-set under the round's row lock: a round someone else
     * closed meanwhile is left as it is).
     *
     * @return whether this call closed it
     */
    public boolean close(long roundId) {
        return rounds.followCalendar(roundId) > 0;
    }

    /**
     * Opens a count for every closed round (in counting) without one, and returns the rounds being tallied.
     */
    public List<Long> openCounts(long jobExecutionId) {
        em.createNativeQuery("insert into round_count (round_id, status, started_at, job_execution_id) "
                        + "select id, 'TALLYING', ?1, ?2 from budget_round where phase = 'COUNTING' "
                        + "on conflict (round_id) do nothing")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, jobExecutionId).executeUpdate();
        return tallying();
    }

    /** Rounds whose count is open. */
    @SuppressWarnings("unchecked")
    public List<Long> tallying() {
        List<Object> ids = em.createNativeQuery("select round_id from round_count where status = 'TALLYING' "
                + "order by round_id").getResultList();
        return ids.stream().map(o -> ((Number) o).longValue()).toList();
    }

    /** The next counted ballots of the rounds being tallied, after a position, in (round, ballot) order. */
    @SuppressWarnings("unchecked")
    public List<CountedBallot> ballotsAfter(TallyPosition position, int limit) {
        List<Object[]> rows = em.createNativeQuery("select b.round_id, b.id, array_to_string(b.proposal_ids, ','), "
                        + "array_to_string(b.points, ',') from ballot b "
                        + "join round_count c on c.round_id = b.round_id and c.status = 'TALLYING' "
                        + "where b.superseded_at is null and (b.round_id, b.id) > (?1, ?2) "
                        + "order by b.round_id, b.id limit ?3")
                .setParameter(1, position.roundId()).setParameter(2, position.ballotId()).setParameter(3, limit)
                .getResultList();
        List<CountedBallot> ballots = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            ballots.add(new CountedBallot(((Number) r[0]).longValue(), ((Number) r[1]).longValue(),
                    Arrays.stream(((String) r[2]).split(",")).mapToLong(Long::parseLong).toArray(),
                    Arrays.stream(((String) r[3]).split(",")).mapToInt(Integer::parseInt).toArray()));
        }
        return ballots;
    }

    /**
     * Adds a chunk of ballots to the tallies. Runs in the chunk's transaction, which also stores the job's checkpoint:
     * both commit or neither does.
     */
    public void addToTally(List<CountedBallot> chunk) {
        Map<Long, Tally> byRound = new LinkedHashMap<>();
        chunk.forEach(b -> byRound.computeIfAbsent(b.roundId(), r -> new Tally()).add(b));
        byRound.forEach((roundId, tally) -> {
            tally.counts().forEach((proposalId, c) -> em.createNativeQuery(
                            "insert into round_tally (round_id, proposal_id, ballots, points) values (?1, ?2, ?3, ?4) "
                                    + "on conflict (round_id, proposal_id) do update set "
                                    + "ballots = round_tally.ballots + excluded.ballots, "
                                    + "points = round_tally.points + excluded.points")
                    .setParameter(1, roundId).setParameter(2, proposalId).setParameter(3, (int) c[0])
                    .setParameter(4, c[1]).executeUpdate());
            em.createNativeQuery("update round_count set ballots = ballots + ?1 where round_id = ?2")
                    .setParameter(1, tally.ballots()).setParameter(2, roundId).executeUpdate();
        });
    }

    /**
     * Allocates a fully tallied round with its frozen rule and stores, in this one transaction: the outcome with
     * every project's explanation, the projects' results, the signed results protocol, the registry messages and
     * the audit entry; then lets the round publish its results if its calendar says so. A counted round is left as
     * it is.
     *
     * @return whether this call counted the round
     */
    public boolean allocate(long roundId) {
        @SuppressWarnings("unchecked")
        List<Object[]> count = em.createNativeQuery("select status, ballots from round_count where round_id = ?1 "
                + "for update").setParameter(1, roundId).getResultList();
        if (count.isEmpty() || !"TALLYING".equals(count.get(0)[0])) {
            return false;
        }
        int tallied = ((Number) count.get(0)[1]).intValue();
        BudgetRound round = em.find(BudgetRound.class, roundId, LockModeType.PESSIMISTIC_WRITE);
        if (round.phase() != Phase.COUNTING) {
            throw new IllegalStateException("Round " + roundId + " is in " + round.phase() + ", not counting");
        }
        List<Proposal> onBallot = counted.onBallot(round).stream()
                .filter(p -> p.status() == kz.qatysu.proposal.domain.ProposalStatus.ON_BALLOT).toList();
        List<RoundAllocation.Option> options = CountedRound.options(onBallot);
        List<RoundAllocation.CountedChoice> ballots = counted.ballots(roundId);
        if (ballots.size() != tallied) {
            throw new IllegalStateException("Round " + roundId + ": " + ballots.size() + " counted ballots but "
                    + tallied + " tallied");
        }
        Map<String, Long> categoryBudgets = CountedRound.categoryBudgets(round);
        boolean cumulative = CountedRound.cumulative(round);
        String rule = round.allocationRule().orElseThrow();
        List<RoundAllocation.Part> parts = RoundAllocation.allocate(engine, rule, cumulative, round.totalBudget(),
                categoryBudgets, options, ballots);

        Map<Long, long[]> tallies = tallies(roundId);
        Map<Long, ProjectExplanation> explanations = new HashMap<>();
        parts.forEach(part -> part.outcome().explanations()
                .forEach(e -> explanations.put(Long.parseLong(e.projectId()), e)));
        List<ResultsProtocol.Line> lines = new ArrayList<>();
        for (Proposal p : onBallot) {
            long[] t = tallies.getOrDefault(p.getId(), new long[2]);
            ProjectExplanation e = explanations.get(p.getId());
            if (e.votes() != t[0]) {
                throw new IllegalStateException("Round " + roundId + ", proposal " + p.getId() + ": the engine saw "
                        + e.votes() + " ballots, the tally " + t[0]);
            }
            lines.add(new ResultsProtocol.Line(p.getId(), p.categoryCode(), p.assessedCost().orElseThrow(),
                    (int) t[0], t[1], e));
        }
        ReceiptPublication published = receipts.publication(roundId).orElseGet(() -> receipts.publish(roundId));
        var manifest = round.frozenManifest().orElseThrow();
        ResultsProtocol.Round header = new ResultsProtocol.Round(roundId, 1, round.territory().value(),
                publication.territoryName(round.territory().value()), titles(round), round.totalBudget(), rule,
                manifest.json(), manifest.sha256(), closedAt(round, published), published.counted(),
                published.superseded(), published.merkleRoot());
        Document protocol = ResultsProtocol.build(header, parts, lines);
        Instant now = clock.instant();
        publication.publish(round, header, parts, lines, protocol, onBallot, now);

        for (Proposal p : onBallot) {
            p.recordResult(explanations.get(p.getId()).funded(), COUNTING, now);
            p.pullNotifications().forEach(n -> em.persist(AuthorNotification.of(n)));
        }
        em.createNativeQuery("update round_count set status = 'COUNTED', counted_at = ?1 where round_id = ?2")
                .setParameter(1, Timestamp.from(now)).setParameter(2, roundId).executeUpdate();
        long funded = lines.stream().filter(l -> l.explanation().funded()).count();
        audit.record(COUNTING, "round.counted", "BudgetRound", roundId, null,
                Map.of("ballots", tallied, "funded", funded, "rule", rule, "merkleRoot", published.merkleRoot()));
        em.flush();
        LOGGER.log(Level.INFO, "Round {0} counted: {1} ballots, {2} of {3} projects funded with {4}",
                new Object[]{roundId, tallied, funded, lines.size(), rule});
        rounds.followCalendar(roundId);
        return true;
    }

    /**
     * When voting closed: the end of voting on the calendar when the round was closed on schedule (however late the
     * job came), the instant of the close when an operator closed it early. So the protocol of a round does not
     * depend on when the job ran.
     */
    private static Instant closedAt(BudgetRound round, ReceiptPublication published) {
        Instant scheduled = round.calendar().votingEnds();
        return published.publishedAt().isBefore(scheduled) ? published.publishedAt() : scheduled;
    }

    @SuppressWarnings("unchecked")
    private Map<Long, long[]> tallies(long roundId) {
        Map<Long, long[]> tallies = new HashMap<>();
        List<Object[]> rows = em.createNativeQuery("select proposal_id, ballots, points from round_tally "
                + "where round_id = ?1").setParameter(1, roundId).getResultList();
        rows.forEach(r -> tallies.put(((Number) r[0]).longValue(),
                new long[]{((Number) r[1]).longValue(), ((Number) r[2]).longValue()}));
        return tallies;
    }

    private static Map<String, String> titles(BudgetRound round) {
        Map<String, String> titles = new LinkedHashMap<>();
        titles.put("kk", round.title().kk());
        titles.put("ru", round.title().ru());
        if (round.title().en() != null) {
            titles.put("en", round.title().en());
        }
        return titles;
    }
}
