package kz.qatysu.voting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.PhaseChanged;
import kz.qatysu.voting.domain.BallotChoice;
import kz.qatysu.voting.domain.BallotOption;
import kz.qatysu.voting.domain.Channel;
import kz.qatysu.voting.domain.Receipt;
import kz.qatysu.voting.domain.VoterPseudonym;

/**
 * The one way a ballot enters the platform, whatever the channel. In one transaction: the round's phase is read
 * under a key-share lock (so the close, which takes the round's row for update, waits for this cast to commit, and
 * a cast arriving after the close sees it closed); the voter's eligibility and the choice are checked against the
 * frozen rules and the ballot's projects; the voter's participation row is created or locked (one person, one
 * ballot, across channels); the previous ballot is superseded and the new version stored under the voter's
 * pseudonym with its sealed receipt. Nothing is stored when anything is refused.
 */
@ApplicationScoped
public class BallotBox {

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private VotingKeys keys;
    @Inject
    private Clock clock;

    private final Map<Long, List<BallotOption>> ballots = new java.util.concurrent.ConcurrentHashMap<>();

    /** A stored cast: the receipt code, the ballot version, and whether it changed anything. */
    public record Cast(String receipt, int version, boolean changed) {
    }

    /** The round's voting state, read under a key-share lock held until the transaction ends. */
    public BudgetRound lockForCasting(long roundId) {
        return lockForCasting(roundId, clock.instant());
    }

    /**
     * The round's voting state at {@code at}, read under a key-share lock held until the transaction ends. The
     * channels pass the clock's instant; the demo's synthetic electorate passes instants inside the voting window.
     */
    public BudgetRound lockForCasting(long roundId, Instant at) {
        @SuppressWarnings("unchecked")
        List<Object> phase = em.createNativeQuery("select phase from budget_round where id = ?1 for key share")
                .setParameter(1, roundId).getResultList();
        if (phase.isEmpty()) {
            throw new NotFound("round " + roundId);
        }
        BudgetRound round = em.find(BudgetRound.class, roundId);
        requireVotingOpen(Phase.valueOf((String) phase.get(0)), round, at);
        return round;
    }

    /** @throws DomainRuleViolation {@code voting.error.not-open} before voting, {@code voting.error.closed} after */
    static void requireVotingOpen(Phase phase, BudgetRound round, Instant now) {
        if (phase.isBefore(Phase.VOTING)) {
            throw new DomainRuleViolation("voting.error.not-open");
        }
        if (phase != Phase.VOTING || !now.isBefore(round.calendar().votingEnds())) {
            throw new DomainRuleViolation("voting.error.closed");
        }
    }

    /**
     * Why this person may not vote in the round, as a message key, or empty when they may: residence inside the
     * round's territory, and the minimum age on the last day of voting.
     */
    public static Optional<DomainRuleViolation> ineligibility(BudgetRound round, Citizen citizen) {
        if (!round.isResident(citizen.residenceCode())) {
            return Optional.of(new DomainRuleViolation("voting.error.not-resident"));
        }
        if (Period.between(citizen.birthDate(), round.lastDayOfVoting()).getYears() < round.minimumAge()) {
            return Optional.of(new DomainRuleViolation("voting.error.too-young", round.minimumAge()));
        }
        return Optional.empty();
    }

    /**
     * The projects on the round's ballot with their assessed costs, by proposal id. Fixed once voting opened (the
     * ballot is placed before; results come after the close), so kept per round while it is in voting.
     */
    public List<BallotOption> options(long roundId) {
        return ballots.computeIfAbsent(roundId, this::loadOptions);
    }

    void onPhaseChanged(@Observes PhaseChanged change) {
        ballots.remove(change.roundId());
    }

    private List<BallotOption> loadOptions(long roundId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, assessed_cost from proposal where round_id = ?1 "
                        + "and status = 'ON_BALLOT' order by id")
                .setParameter(1, roundId).getResultList();
        return rows.stream().map(r -> new BallotOption(((Number) r[0]).longValue(), ((Number) r[1]).longValue())).toList();
    }

    /**
     * Casts (or re-casts) the citizen's ballot. Must run inside the caller's transaction, after
     * {@link #lockForCasting(long)}.
     *
     * @throws DomainRuleViolation when the person may not vote or the choice breaks the round's ballot rule
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Cast cast(BudgetRound round, Citizen citizen, BallotChoice choice, Channel channel) {
        return cast(round, citizen, choice, channel, clock.instant());
    }

    /**
     * Casts the ballot as at {@code now}: the instant stored as the cast time, which must be one that
     * {@link #lockForCasting(long, Instant)} accepted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Cast cast(BudgetRound round, Citizen citizen, BallotChoice choice, Channel channel, Instant now) {
        ineligibility(round, citizen).ifPresent(refusal -> {
            throw refusal;
        });
        choice.requireValid(round.ballotRule().orElseThrow(), options(round.getId()), round.totalBudget());
        long roundId = round.getId();
        long citizenId = citizen.getId();
        lockParticipation(roundId, citizenId);
        VoterPseudonym voter = keys.pseudonym(roundId, citizenId);
        Optional<Object[]> current = currentRow(roundId, voter);
        if (current.isPresent() && choice.canonical().equals(current.get()[2])) {
            // The same choice again (a retry, a double click): the ballot stands, with its receipt.
            return new Cast(keys.open((byte[]) current.get()[3], roundId, citizenId),
                    ((Number) current.get()[1]).intValue(), false);
        }
        int version = current.map(row -> ((Number) row[1]).intValue() + 1).orElse(1);
        current.ifPresent(row -> em.createNativeQuery("update ballot set superseded_at = ?1 where id = ?2")
                .setParameter(1, Timestamp.from(now)).setParameter(2, ((Number) row[0]).longValue()).executeUpdate());
        Receipt receipt = Receipt.issue(roundId, choice, keys.random());
        Map<Long, Integer> points = choice.points();
        em.createNativeQuery("insert into ballot (round_id, voter, version, channel, proposal_ids, points, choice, "
                        + "receipt_hash, receipt_sealed, cast_at) "
                        + "values (?1, ?2, ?3, ?4, string_to_array(?5, ',')::bigint[], string_to_array(?6, ',')::integer[], "
                        + "?7, ?8, ?9, ?10)")
                .setParameter(1, roundId)
                .setParameter(2, voter.value())
                .setParameter(3, version)
                .setParameter(4, channel.name())
                .setParameter(5, join(points.keySet()))
                .setParameter(6, join(points.values()))
                .setParameter(7, choice.canonical())
                .setParameter(8, receipt.publishedHash())
                .setParameter(9, keys.seal(receipt.code(), roundId, citizenId))
                .setParameter(10, Timestamp.from(now))
                .executeUpdate();
        em.createNativeQuery("update voting_participation set casts = casts + 1, channel = ?3, "
                        + "first_cast_at = coalesce(first_cast_at, ?4), last_cast_at = ?4 "
                        + "where round_id = ?1 and citizen_id = ?2")
                .setParameter(1, roundId).setParameter(2, citizenId).setParameter(3, channel.name())
                .setParameter(4, Timestamp.from(now))
                .executeUpdate();
        return new Cast(receipt.code(), version, true);
    }

    /** Creates the person's participation row if needed and locks it until the transaction ends. */
    private void lockParticipation(long roundId, long citizenId) {
        em.createNativeQuery("insert into voting_participation (round_id, citizen_id) values (?1, ?2) "
                        + "on conflict do nothing")
                .setParameter(1, roundId).setParameter(2, citizenId).executeUpdate();
        em.createNativeQuery("select casts from voting_participation where round_id = ?1 and citizen_id = ?2 for update")
                .setParameter(1, roundId).setParameter(2, citizenId).getSingleResult();
    }

    /** Row of the voter's current ballot: id, version, choice, sealed receipt, channel, cast_at. */
    @SuppressWarnings("unchecked")
    Optional<Object[]> currentRow(long roundId, VoterPseudonym voter) {
        List<Object[]> rows = em.createNativeQuery("select id, version, choice, receipt_sealed, channel, cast_at "
                        + "from ballot where round_id = ?1 and voter = ?2 and superseded_at is null")
                .setParameter(1, roundId).setParameter(2, voter.value()).getResultList();
        return rows.stream().findFirst();
    }

    /** When the citizen first opened the round's ballot (for the cabinet's reminder of a ballot not cast). */
    public void noteOpened(long roundId, long citizenId) {
        em.createNativeQuery("insert into voting_participation (round_id, citizen_id, ballot_opened_at) "
                        + "values (?1, ?2, ?3) on conflict (round_id, citizen_id) do update "
                        + "set ballot_opened_at = coalesce(voting_participation.ballot_opened_at, excluded.ballot_opened_at)")
                .setParameter(1, roundId).setParameter(2, citizenId).setParameter(3, Timestamp.from(clock.instant()))
                .executeUpdate();
    }

    private static String join(java.util.Collection<? extends Number> values) {
        StringBuilder sb = new StringBuilder();
        for (Number v : values) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(v);
        }
        return sb.toString();
    }
}
