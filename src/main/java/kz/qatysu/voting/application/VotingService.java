package kz.qatysu.voting.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import kz.qatysu.citizen.application.CitizenRepository;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.platform.text.LocalizedText;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.RoundCategory;
import kz.qatysu.round.domain.RulesManifest;
import kz.qatysu.territory.application.TerritoryRepository;
import kz.qatysu.voting.domain.BallotChoice;
import kz.qatysu.voting.domain.BallotOption;
import kz.qatysu.voting.domain.BallotOrder;
import kz.qatysu.voting.domain.Channel;
import kz.qatysu.voting.domain.VoterPseudonym;

/**
 * Voting for citizens on the web and the mobile API: the ballots open to the caller, casting and re-casting, their
 * current ballot and receipt, and the public receipt check. The caller is always the authenticated citizen; a
 * citizen id never comes from a page or a request body.
 */
@Stateless
public class VotingService {

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private SessionContext session;
    @Inject
    private CitizenRepository citizens;
    @Inject
    private TerritoryRepository territories;
    @Inject
    private BallotBox box;
    @Inject
    private ReceiptLedger ledger;
    @Inject
    private VotingKeys keys;
    @Inject
    private Clock clock;

    /** The rounds now in voting that the caller may vote in, each with its ballot in the caller's order. */
    @RolesAllowed(Roles.CITIZEN)
    public List<BallotSheet> openRounds() {
        Citizen me = caller();
        Instant now = clock.instant();
        return em.createNamedQuery("BudgetRound.findByPhase", BudgetRound.class)
                .setParameter("phase", Phase.VOTING).getResultStream()
                .filter(r -> now.isBefore(r.calendar().votingEnds()))
                .filter(r -> BallotBox.ineligibility(r, me).isEmpty())
                .map(r -> sheet(r, me))
                .toList();
    }

    /**
     * The ballot of one round for the caller, eligible or not (with the reason); notes that they opened it, so the
     * cabinet can remind them of a ballot not cast.
     *
     * @throws NotFound when the round does not exist or has no ballot (before voting)
     */
    @RolesAllowed(Roles.CITIZEN)
    public BallotSheet openBallot(long roundId) {
        Citizen me = caller();
        BudgetRound round = votingRound(roundId);
        BallotSheet sheet = sheet(round, me);
        if (sheet.eligible() && round.phase() == Phase.VOTING && clock.instant().isBefore(round.calendar().votingEnds())) {
            box.noteOpened(roundId, me.getId());
        }
        return sheet;
    }

    /**
     * Casts the caller's ballot, or replaces their earlier one; the same choice again changes nothing.
     *
     * @throws DomainRuleViolation {@code voting.error.*} (closed, not open, not resident, too young) or
     *                             {@code ballot.error.*} (the choice breaks the round's ballot rule)
     */
    @RolesAllowed(Roles.CITIZEN)
    public BallotBox.Cast cast(long roundId, BallotChoice choice, Channel channel) {
        if (channel.enteredByStaff()) {
            throw new AccessRefused("voting.error.paper-by-staff");
        }
        Citizen me = caller();
        BudgetRound round = box.lockForCasting(roundId);
        return box.cast(round, me, choice, channel);
    }

    /** The caller's current ballot in a round, with their receipt code. */
    @RolesAllowed(Roles.CITIZEN)
    public Optional<MyBallot> currentBallot(long roundId) {
        Citizen me = caller();
        if (em.find(BudgetRound.class, roundId) == null) {
            throw new NotFound("round " + roundId);
        }
        return current(roundId, me);
    }

    /** Rounds still in voting whose ballot the caller opened and never cast. */
    @RolesAllowed(Roles.CITIZEN)
    public List<BallotReminder> reminders() {
        Citizen me = caller();
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select p.round_id from voting_participation p "
                        + "join budget_round r on r.id = p.round_id where p.citizen_id = ?1 and p.casts = 0 "
                        + "and p.ballot_opened_at is not null and r.phase = 'VOTING' order by p.round_id")
                .setParameter(1, me.getId()).getResultList();
        Instant now = clock.instant();
        return ids.stream().map(id -> em.find(BudgetRound.class, ((Number) id).longValue()))
                .filter(r -> now.isBefore(r.calendar().votingEnds()))
                .map(r -> new BallotReminder(r.getId(), text(r.title().kk(), r.title().ru(), r.title().en()),
                        r.calendar().votingEnds()))
                .toList();
    }

    /** Public: whether a receipt was counted in a closed round. */
    @PermitAll
    public ReceiptCheck checkReceipt(long roundId, String receiptCode) {
        if (em.find(BudgetRound.class, roundId) == null) {
            throw new NotFound("round " + roundId);
        }
        return ledger.check(roundId, receiptCode);
    }

    /** Public: the published receipts of a round, once it closed. */
    @PermitAll
    public Optional<ReceiptPublication> receiptPublication(long roundId) {
        return ledger.publication(roundId);
    }

    /** Public: the published list of counted receipt hashes, in the Merkle tree's leaf order. */
    @PermitAll
    public List<String> countedReceipts(long roundId) {
        if (ledger.publication(roundId).isEmpty()) {
            throw new DomainRuleViolation("receipt.error.not-published");
        }
        return ledger.countedHashes(roundId);
    }

    // ---------------------------------------------------------------- internals

    private Citizen caller() {
        return citizens.findCaller(session.getCallerPrincipal())
                .orElseThrow(() -> new AccessRefused("citizen.error.not-registered"));
    }

    private BudgetRound votingRound(long roundId) {
        BudgetRound round = em.find(BudgetRound.class, roundId);
        if (round == null || round.phase().isBefore(Phase.VOTING)) {
            throw new NotFound("round " + roundId);
        }
        return round;
    }

    private BallotSheet sheet(BudgetRound round, Citizen me) {
        BallotRule rule = round.ballotRule().orElseThrow();
        VoterPseudonym voter = keys.pseudonym(round.getId(), me.getId());
        Map<Long, BallotSheet.BallotEntry> entries = entries(round);
        List<BallotOption> options = entries.values().stream()
                .map(e -> new BallotOption(e.proposalId(), e.assessedCost())).toList();
        List<BallotSheet.BallotEntry> ordered = BallotOrder.forVoter(voter, options).stream()
                .map(o -> entries.get(o.proposalId())).toList();
        Optional<DomainRuleViolation> refusal = BallotBox.ineligibility(round, me);
        Integer argument = refusal.filter(r -> r.arguments().length > 0)
                .map(r -> ((Number) r.arguments()[0]).intValue()).orElse(null);
        var territory = territories.find(round.territory());
        return new BallotSheet(round.getId(), text(round.title().kk(), round.title().ru(), round.title().en()),
                round.territory().value(),
                territory.map(t -> text(t.nameKk(), t.nameRu(), t.nameEn())).orElse(null),
                rule.kind().name(), rule.minPicks(), rule.maxPicks(), rule.minBudgetSharePercent(), rule.points(),
                rule.maxPointsPerProject(), round.totalBudget(), round.calendar().votingEnds(),
                round.frozenManifest().map(RulesManifest::sha256).orElse(null),
                refusal.map(DomainRuleViolation::messageKey).orElse(null), argument, ordered,
                current(round.getId(), me).orElse(null));
    }

    private Map<Long, BallotSheet.BallotEntry> entries(BudgetRound round) {
        Map<String, RoundCategory> categories = round.categories().stream()
                .collect(Collectors.toMap(RoundCategory::code, Function.identity()));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, title, category_code, assessed_cost from proposal "
                + "where round_id = ?1 and status in ('ON_BALLOT', 'FUNDED', 'NOT_FUNDED') order by id")
                .setParameter(1, round.getId()).getResultList();
        Map<Long, BallotSheet.BallotEntry> entries = new LinkedHashMap<>();
        for (Object[] r : rows) {
            long id = ((Number) r[0]).longValue();
            RoundCategory c = categories.get((String) r[2]);
            LocalizedText category = c == null ? null : text(c.nameKk(), c.nameRu(), c.nameEn());
            entries.put(id, new BallotSheet.BallotEntry(id, (String) r[1], (String) r[2], category,
                    ((Number) r[3]).longValue()));
        }
        return entries;
    }

    private Optional<MyBallot> current(long roundId, Citizen me) {
        VoterPseudonym voter = keys.pseudonym(roundId, me.getId());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select version, channel, cast_at, choice, receipt_sealed "
                        + "from ballot where round_id = ?1 and voter = ?2 and superseded_at is null")
                .setParameter(1, roundId).setParameter(2, voter.value()).getResultList();
        return rows.stream().findFirst().map(r -> {
            Map<Long, Integer> points = parseChoice((String) r[3]);
            return new MyBallot(roundId, ((Number) r[0]).intValue(), (String) r[1], instant(r[2]),
                    new ArrayList<>(points.keySet()), points, keys.open((byte[]) r[4], roundId, me.getId()));
        });
    }

    /** The canonical choice "id:points,..." back to a map. */
    static Map<Long, Integer> parseChoice(String canonical) {
        Map<Long, Integer> points = new LinkedHashMap<>();
        for (String part : canonical.split(",")) {
            int colon = part.indexOf(':');
            points.put(Long.parseLong(part.substring(0, colon)), Integer.parseInt(part.substring(colon + 1)));
        }
        return points;
    }

    private static LocalizedText text(String kk, String ru, String en) {
        return new LocalizedText(kk, ru, en);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
