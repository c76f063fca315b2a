package kz.qatysu.voting.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.audit.application.AuditTrail;
import kz.qatysu.citizen.application.CitizenRepository;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.citizen.domain.Iin;
import kz.qatysu.citizen.domain.InvalidIin;
import kz.qatysu.citizen.domain.PersonName;
import kz.qatysu.meeting.domain.CommunityMeeting;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.platform.text.LocalizedText;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.PaperAfterOnline;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.staff.application.StaffService;
import kz.qatysu.staff.domain.StaffScope;
import kz.qatysu.territory.application.TerritoryRepository;
import kz.qatysu.territory.domain.KatoCode;
import kz.qatysu.territory.domain.Territory;
import kz.qatysu.voting.domain.BallotChoice;
import kz.qatysu.voting.domain.Channel;
import kz.qatysu.voting.domain.PaperBallot;
import kz.qatysu.voting.domain.PaperBallotEntry;
import kz.qatysu.voting.domain.PaperBallotStatus;
import kz.qatysu.voting.domain.PaperDocument;
import kz.qatysu.voting.domain.PaperSerial;

/**
 * Paper ballots filled in at the akimat, entered twice by staff (moderators and operators of the round's territory).
 * Every entry is checked as a web ballot is — open round, valid IIN, residence and age, the ballot rule — and the
 * ballot goes into the {@link BallotBox} (channel {@link Channel#PAPER}, or {@link Channel#MEETING} for one a local
 * community meeting collected) only when a second, independent entry by
 * another staff member agrees with the first. A person who already voted online is refused, or their agreed paper
 * ballot is held for a moderator, as the round's {@link PaperAfterOnline} rule says; a second paper ballot of the
 * same person is refused. Every step is audited, never with the choice or the IIN.
 */
@Stateless
@RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
public class PaperBallotService {

    private static final String ENTITY = "PaperBallot";
    private static final List<PaperBallotStatus> HOLDING = List.of(PaperBallotStatus.PENDING,
            PaperBallotStatus.MISMATCH, PaperBallotStatus.FLAGGED, PaperBallotStatus.CONFIRMED);
    private static final List<PaperBallotStatus> OPEN = List.of(PaperBallotStatus.PENDING,
            PaperBallotStatus.MISMATCH, PaperBallotStatus.FLAGGED);

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private SessionContext session;
    @Inject
    private BallotBox box;
    @Inject
    private CitizenRepository citizens;
    @Inject
    private TerritoryRepository territories;
    @EJB
    private StaffService staff;
    @EJB
    private AuditTrail audit;
    @Inject
    private Clock clock;
    @Inject
    private Logger logger;

    /** The rounds now in voting inside the caller's territory. */
    public List<PaperRound> rounds() {
        StaffScope scope = staff.callerScope();
        Instant now = clock.instant();
        return em.createNamedQuery("BudgetRound.findByPhase", BudgetRound.class)
                .setParameter("phase", Phase.VOTING).getResultStream()
                .filter(r -> now.isBefore(r.calendar().votingEnds()))
                .filter(r -> scope.covers(r.territory()))
                .map(this::paperRound)
                .toList();
    }

    /**
     * One round's ballot for the entry forms.
     *
     * @throws NotFound when there is no such round or it has no ballot yet
     * @throws kz.qatysu.platform.security.AccessRefused outside the caller's territory
     */
    public PaperRound round(long roundId) {
        BudgetRound round = em.find(BudgetRound.class, roundId);
        if (round == null || round.phase().isBefore(Phase.VOTING)) {
            throw new NotFound("round " + roundId);
        }
        staff.requireScope(round.territory());
        return paperRound(round);
    }

    /**
     * The first entry of a paper ballot: stored as pending, counted only once someone else enters it the same.
     *
     * @throws DomainRuleViolation {@code paper.error.*}, {@code voting.error.*} or {@code ballot.error.*}: nothing
     *                             is stored
     */
    public PaperEntryResult enterFirst(long roundId, PaperEntryForm form) {
        Entry e = prepare(roundId, form);
        if (find(roundId, e.serial()).isPresent()) {
            throw new DomainRuleViolation("paper.error.serial-taken", e.serial().value());
        }
        requireNoOtherPaperBallot(e, null);
        boolean online = votedOnline(roundId, e.citizen().getId());
        if (online && e.round().paperAfterOnline() == PaperAfterOnline.REFUSE) {
            throw new DomainRuleViolation("paper.error.voted-online");
        }
        PaperBallot ballot = PaperBallot.firstEntry(roundId, e.serial(), e.entry(), meetingOf(e, form.meetingId()));
        em.persist(ballot);
        audit.record(caller(), "paper.enter", ENTITY, idOf(ballot), null, snapshot(ballot));
        logger.log(Level.INFO, "Paper ballot {0} of round {1} entered by {2}",
                new Object[]{e.serial().value(), roundId, caller().id()});
        return new PaperEntryResult(ballot.getId(), ballot.status(), online);
    }

    /**
     * Another entry of a paper ballot, typed without seeing the earlier ones. When it agrees with an entry of
     * someone else, the ballot counts (or is refused or flagged, when the person voted online meanwhile); when not,
     * it becomes a mismatch that waits for a re-entry.
     *
     * @throws DomainRuleViolation {@code paper.error.same-person} when the caller would confirm their own entry,
     *                             {@code paper.error.serial-unknown}, {@code paper.error.decided} and the refusals
     *                             of a first entry: nothing is stored
     */
    public PaperEntryResult enterAgain(long roundId, PaperEntryForm form) {
        Entry e = prepare(roundId, form);
        PaperBallot ballot = find(roundId, e.serial())
                .orElseThrow(() -> new DomainRuleViolation("paper.error.serial-unknown", e.serial().value()));
        em.lock(ballot, LockModeType.PESSIMISTIC_WRITE);
        requireNoOtherPaperBallot(e, ballot.getId());
        var before = snapshot(ballot);
        Optional<Long> agreed = ballot.addEntry(e.entry());
        Actor actor = caller();
        Instant now = clock.instant();
        boolean online = votedOnline(roundId, e.citizen().getId());
        String action;
        if (agreed.isEmpty()) {
            action = "paper.mismatch";
        } else if (online && e.round().paperAfterOnline() == PaperAfterOnline.REFUSE) {
            ballot.refuse(actor, now);
            action = "paper.refuse";
        } else if (online) {
            ballot.flag();
            action = "paper.flag";
        } else {
            castSettled(e.round(), e.citizen(), e.choice(), ballot);
            ballot.confirm(actor, now);
            action = "paper.confirm";
        }
        em.flush();
        audit.record(actor, action, ENTITY, ballot.getId(), before, snapshot(ballot));
        return new PaperEntryResult(ballot.getId(), ballot.status(), online);
    }

    /** The round's paper ballots still waiting for an entry or a decision, oldest first. */
    public List<PaperBallotLine> openBallots(long roundId) {
        PaperRound round = round(roundId);
        ZoneId zone = em.find(BudgetRound.class, roundId).calendar().zone();
        Map<Long, String> titles = new LinkedHashMap<>();
        round.options().forEach(o -> titles.put(o.proposalId(), o.title()));
        return em.createNamedQuery("PaperBallot.findOpenByRound", PaperBallot.class)
                .setParameter("roundId", roundId).setParameter("statuses", OPEN).getResultStream()
                .map(b -> line(b, titles, zone))
                .toList();
    }

    /**
     * A moderator counts a flagged ballot: it replaces the person's online ballot.
     *
     * @throws DomainRuleViolation {@code paper.error.not-flagged}, {@code voting.error.*}
     */
    public void count(long roundId, long paperBallotId) {
        BudgetRound round = box.lockForCasting(roundId);
        staff.requireScope(round.territory());
        PaperBallot ballot = lockBallot(roundId, paperBallotId);
        if (ballot.status() != PaperBallotStatus.FLAGGED) {
            throw new DomainRuleViolation("paper.error.not-flagged");
        }
        var before = snapshot(ballot);
        Citizen citizen = citizens.find(ballot.citizenId()).orElseThrow();
        BallotChoice choice = BallotChoice.points(VotingService.parseChoice(ballot.agreedChoice().orElseThrow()));
        castSettled(round, citizen, choice, ballot);
        ballot.confirm(caller(), clock.instant());
        em.flush();
        audit.record(caller(), "paper.count-flagged", ENTITY, ballot.getId(), before, snapshot(ballot));
    }

    /**
     * A moderator rejects a ballot still open (pending, mismatched or flagged): it will never count.
     *
     * @throws DomainRuleViolation {@code paper.error.decided}
     */
    public void reject(long roundId, long paperBallotId) {
        BudgetRound round = em.find(BudgetRound.class, roundId);
        if (round == null) {
            throw new NotFound("round " + roundId);
        }
        staff.requireScope(round.territory());
        PaperBallot ballot = lockBallot(roundId, paperBallotId);
        var before = snapshot(ballot);
        ballot.reject(caller(), clock.instant());
        em.flush();
        audit.record(caller(), "paper.reject", ENTITY, ballot.getId(), before, snapshot(ballot));
    }

    // ---------------------------------------------------------------- internals

    /** An entry checked as far as it can be without the ballot it belongs to. */
    private record Entry(BudgetRound round, PaperSerial serial, Citizen citizen, BallotChoice choice,
                         PaperBallotEntry entry) {
    }

    /**
     * The checks every entry passes, in the order a clerk can fix them: round open (under the casting lock) and in
     * scope; ballot number; IIN; name and residence; the marks against the ballot rule; the voter (found, or
     * registered from the documents) and their eligibility.
     */
    private Entry prepare(long roundId, PaperEntryForm form) {
        BudgetRound round = box.lockForCasting(roundId);
        staff.requireScope(round.territory());
        PaperSerial serial = PaperSerial.parse(form.serial());
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 7308))")
                .setParameter(1, roundId + ":" + serial.value()).getSingleResult();
        Instant now = clock.instant();
        Iin iin = iin(form.iin(), LocalDate.ofInstant(now, clock.getZone()));
        PaperDocument document = new PaperDocument(name(form), residence(form.residenceCode()).code());
        BallotRule rule = round.ballotRule().orElseThrow();
        BallotChoice choice = rule.kind() == BallotRule.Kind.CUMULATIVE
                ? BallotChoice.points(form.points()) : BallotChoice.approve(form.approved());
        choice.requireValid(rule, box.options(roundId), round.totalBudget());

        citizens.lockIdentity(iin);
        Citizen citizen = citizens.findByIin(iin).orElse(null);
        if (citizen != null && !document.namesSamePersonAs(citizen.name())) {
            throw new DomainRuleViolation("paper.error.name-differs");
        }
        Citizen voter = citizen != null ? citizen
                : Citizen.register(iin, document.name(), residence(form.residenceCode()), now);
        // The same rules as on the web, in words for the clerk rather than the voter.
        BallotBox.ineligibility(round, voter).ifPresent(refusal -> {
            throw "voting.error.too-young".equals(refusal.messageKey())
                    ? new DomainRuleViolation("paper.error.too-young", round.minimumAge())
                    : new DomainRuleViolation("paper.error.not-resident");
        });
        if (citizen == null) {
            voter = citizens.add(voter);
            logger.log(Level.INFO, "Citizen {0} registered from a paper ballot's documents (IIN {1})",
                    new Object[]{voter.getId(), iin.masked()});
        }
        PaperBallotEntry entry = PaperBallotEntry.of(voter.getId(), document.digest(), choice, caller(), now);
        return new Entry(round, serial, voter, choice, entry);
    }

    private static Iin iin(String raw, LocalDate today) {
        try {
            return Iin.parse(raw == null ? null : raw.strip(), today);
        } catch (InvalidIin e) {
            throw new DomainRuleViolation("paper.error.iin-invalid");
        }
    }

    private static PersonName name(PaperEntryForm form) {
        try {
            return new PersonName(form.surname(), form.givenName(), form.patronymic());
        } catch (IllegalArgumentException e) {
            throw new DomainRuleViolation("paper.error.name");
        }
    }

    private Territory residence(String raw) {
        String code = raw == null ? "" : raw.strip();
        if (!KatoCode.isWellFormed(code)) {
            throw new DomainRuleViolation("paper.error.residence-unknown");
        }
        return territories.find(KatoCode.of(code))
                .orElseThrow(() -> new DomainRuleViolation("paper.error.residence-unknown"));
    }

    /** @throws DomainRuleViolation {@code paper.error.already-paper} */
    private void requireNoOtherPaperBallot(Entry e, Long exceptId) {
        long others = em.createNamedQuery("PaperBallot.countOtherOfVoter", Long.class)
                .setParameter("roundId", e.round().getId()).setParameter("citizenId", e.citizen().getId())
                .setParameter("statuses", HOLDING).setParameter("id", exceptId == null ? -1L : exceptId)
                .getSingleResult();
        if (others > 0) {
            throw new DomainRuleViolation("paper.error.already-paper");
        }
    }

    /** Whether the person's current ballot in the round came from the web or the mobile application. */
    private boolean votedOnline(long roundId, long citizenId) {
        @SuppressWarnings("unchecked")
        List<Object> channels = em.createNativeQuery("select channel from voting_participation "
                        + "where round_id = ?1 and citizen_id = ?2 and casts > 0")
                .setParameter(1, roundId).setParameter(2, citizenId).getResultList();
        return channels.stream().anyMatch(c -> c != null && !Channel.valueOf(((String) c).strip()).enteredByStaff());
    }

    private Optional<PaperBallot> find(long roundId, PaperSerial serial) {
        return em.createNamedQuery("PaperBallot.findBySerial", PaperBallot.class)
                .setParameter("roundId", roundId).setParameter("serial", serial.value())
                .getResultStream().findFirst();
    }

    private PaperBallot lockBallot(long roundId, long paperBallotId) {
        PaperBallot ballot = em.find(PaperBallot.class, paperBallotId, LockModeType.PESSIMISTIC_WRITE);
        if (ballot == null || ballot.roundId() != roundId) {
            throw new NotFound("paper ballot " + paperBallotId);
        }
        return ballot;
    }

    private PaperRound paperRound(BudgetRound round) {
        BallotRule rule = round.ballotRule().orElseThrow();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, title, assessed_cost from proposal "
                        + "where round_id = ?1 and status = 'ON_BALLOT' order by id")
                .setParameter(1, round.getId()).getResultList();
        List<PaperRound.Option> options = rows.stream()
                .map(r -> new PaperRound.Option(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue()))
                .toList();
        List<PaperRound.Meeting> meetings = meetings(round).stream().map(m -> new PaperRound.Meeting(m.getId(),
                m.heldOn(), m.place(), m.territory().value())).toList();
        return new PaperRound(round.getId(), new LocalizedText(round.title().kk(), round.title().ru(), round.title().en()),
                rule.kind().name(), rule.minPicks(), rule.maxPicks(), rule.points(), rule.maxPointsPerProject(),
                round.paperAfterOnline().name(), options, meetings);
    }

    /** Meetings inside the round's territory held from the first day of voting to today (or its last day). */
    private List<CommunityMeeting> meetings(BudgetRound round) {
        ZoneId zone = round.calendar().zone();
        LocalDate first = round.calendar().startOf(Phase.VOTING).map(i -> LocalDate.ofInstant(i, zone)).orElse(LocalDate.MAX);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate last = today.isBefore(round.lastDayOfVoting()) ? today : round.lastDayOfVoting();
        return em.createNamedQuery("CommunityMeeting.findInScope", CommunityMeeting.class)
                .setParameter("katoPrefix", round.territory().significantPrefix() + "%").getResultStream()
                .filter(m -> m.territory().isWithin(round.territory()))
                .filter(m -> !m.heldOn().isBefore(first) && !m.heldOn().isAfter(last))
                .toList();
    }

    /**
     * The meeting a first entry names, checked: one of the round's meetings during voting, of the voter's residence.
     *
     * @throws DomainRuleViolation {@code paper.error.meeting}, {@code paper.error.meeting-not-resident}
     */
    private Long meetingOf(Entry e, Long meetingId) {
        if (meetingId == null) {
            return null;
        }
        CommunityMeeting meeting = meetings(e.round()).stream().filter(m -> m.getId() == meetingId.longValue())
                .findFirst().orElseThrow(() -> new DomainRuleViolation("paper.error.meeting"));
        if (!e.citizen().residenceCode().isWithin(meeting.territory())) {
            throw new DomainRuleViolation("paper.error.meeting-not-resident");
        }
        return meeting.getId();
    }

    /**
     * Counts the settled ballot through the ballot box under its channel; a meeting's ballot also counts its voter
     * among the meeting's attendees (once, however many rounds they voted in there).
     */
    private void castSettled(BudgetRound round, Citizen citizen, BallotChoice choice, PaperBallot ballot) {
        box.cast(round, citizen, choice, ballot.channel());
        ballot.meetingId().ifPresent(id -> {
            CommunityMeeting meeting = em.find(CommunityMeeting.class, id, LockModeType.PESSIMISTIC_WRITE);
            meeting.admit(citizen.getId(), citizen.residenceCode(), citizen.birthDate());
        });
    }

    private PaperBallotLine line(PaperBallot b, Map<Long, String> titles, ZoneId zone) {
        boolean showChoices = b.status() == PaperBallotStatus.MISMATCH;
        List<PaperBallotLine.Version> versions = b.entries().stream()
                .map(e -> new PaperBallotLine.Version(e.ordinal(), e.enteredBy().id(),
                        LocalDateTime.ofInstant(e.enteredAt(), zone),
                        showChoices ? voter(e.citizenId()) : null,
                        showChoices ? e.choice().map(c -> describe(c, titles)).orElse(null) : null))
                .toList();
        String voter = b.status() == PaperBallotStatus.PENDING ? null : voter(b.citizenId());
        return new PaperBallotLine(b.getId(), b.serial().value(), b.status().name(), voter, versions);
    }

    /** Masked IIN and full name: enough for staff holding the paper to tell people apart. */
    private String voter(long citizenId) {
        return citizens.find(citizenId).map(c -> c.iin().masked() + " " + c.name().fullName()).orElse("?");
    }

    private static String describe(String canonical, Map<Long, String> titles) {
        StringBuilder sb = new StringBuilder();
        VotingService.parseChoice(canonical).forEach((id, points) -> {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(titles.getOrDefault(id, "#" + id));
            if (points != 1) {
                sb.append(" — ").append(points);
            }
        });
        return sb.toString();
    }

    private Long idOf(PaperBallot ballot) {
        em.flush();
        return ballot.getId();
    }

    /** What the audit log keeps: never the choice, never the IIN. */
    private static Map<String, Object> snapshot(PaperBallot b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("round", b.roundId());
        m.put("serial", b.serial().value());
        m.put("status", b.status().name());
        m.put("voter", b.citizenId());
        m.put("meeting", b.meetingId().orElse(null));
        m.put("entries", b.entries().stream().map(e -> e.enteredBy().stored()).toList());
        m.put("decidedBy", b.decidedBy().map(Actor::stored).orElse(null));
        return m;
    }

    private Actor caller() {
        return Actor.staff(session.getCallerPrincipal().getName());
    }
}
