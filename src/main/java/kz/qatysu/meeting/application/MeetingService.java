package kz.qatysu.meeting.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.qatysu.audit.application.AuditTrail;
import kz.qatysu.citizen.application.CitizenRepository;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.citizen.domain.Iin;
import kz.qatysu.citizen.domain.InvalidIin;
import kz.qatysu.meeting.domain.CommunityMeeting;
import kz.qatysu.meeting.domain.QuorumRule;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.proposal.application.ProposalForm;
import kz.qatysu.proposal.application.ProposalRepository;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.Proposer;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.staff.application.StaffService;
import kz.qatysu.staff.domain.StaffScope;
import kz.qatysu.territory.application.TerritoryRepository;
import kz.qatysu.territory.domain.KatoCode;
import kz.qatysu.territory.domain.Territory;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Local community meetings as akimat staff record them: the meeting itself, its attendees (eligible residents known
 * to the platform, each counted once), the quorum, the minutes and the proposals it puts forward in its own name.
 * <p>
 * Every method, reads included, checks that the caller's territorial scope covers the meeting's territory: a
 * crafted request about another district's meeting is refused with {@link AccessRefused} (403) and changes nothing.
 * Every change is recorded in the audit log under entity type {@code CommunityMeeting}; a request that changes
 * nothing (an attendee registered twice, a form saved unchanged) leaves no entry.
 */
@Stateless
@RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
public class MeetingService {

    static final String ENTITY = "CommunityMeeting";
    private static final int MAX_PAGE_SIZE = 100;

    /** Names of a territory in the three languages (English may be missing in the classifier). */
    public record Names(String kk, String ru, String en) implements Serializable {

        /** The name in a language, English falling back to Russian. */
        public String in(String language) {
            return switch (language == null ? "" : language) {
                case "kk" -> kk;
                case "en" -> en != null ? en : ru;
                default -> ru;
            };
        }
    }

    /** A row of the meetings list. */
    public record MeetingSummary(long id, String territory, Names territoryNames, LocalDate heldOn, String place,
                                 int attendees, int proposals) implements Serializable {
    }

    public record MeetingPage(List<MeetingSummary> items, long total) implements Serializable {
    }

    /** An attendee as pages show them: masked IIN and name, never the full IIN. */
    public record Attendee(long citizenId, String maskedIin, String name) implements Serializable {
    }

    /**
     * The quorum now: attendees counted, the fewest needed ({@code null} for a share rule while the number of
     * eligible residents is not stated) and whether it is met.
     */
    public record QuorumStatus(String kind, int value, Integer eligibleResidents, int attendees, Long required,
                               boolean met) implements Serializable {
    }

    /** A proposal the meeting put forward. */
    public record PutForward(long id, long roundId, String title, String statusKey, long estimatedCost) implements Serializable {
    }

    public record MeetingView(long id, String territory, Names territoryNames, LocalDate heldOn, String place,
                              String agenda, String minutes, QuorumStatus quorum, List<Attendee> attendees,
                              List<PutForward> proposals, String recordedBy, Instant recordedAt) implements Serializable {

        /** The meeting's own data as the edit form starts from it. */
        public MeetingForm form() {
            return new MeetingForm(territory, heldOn, place, agenda, quorum.kind(), quorum.value(),
                    quorum.eligibleResidents());
        }
    }

    /** A project category of a round. */
    public record Category(String code, Names names) implements Serializable {
    }

    /** A round the meeting may put a proposal forward to: of a territory containing the meeting's, accepting proposals. */
    public record RoundChoice(long id, String territory, Names title, List<Category> categories) implements Serializable {
    }

    /** Whether an attendee was new or had already been registered (and is counted once). */
    public enum Admission { ADMITTED, ALREADY_REGISTERED }

    @Resource
    private SessionContext session;
    @Inject
    private MeetingRepository meetings;
    @Inject
    private CitizenRepository citizens;
    @Inject
    private ProposalRepository proposals;
    @Inject
    private TerritoryRepository territories;
    @EJB
    private StaffService staff;
    @EJB
    private AuditTrail audit;
    @Inject
    private Clock clock;
    @Inject
    @ConfigProperty(name = "qatysu.meeting.quorum-kind", defaultValue = "SHARE")
    private String defaultQuorumKind;
    @Inject
    @ConfigProperty(name = "qatysu.meeting.quorum-value", defaultValue = "10")
    private int defaultQuorumValue;

    // ---------------------------------------------------------------- reading

    /** A blank form for a new meeting: the caller's territory, today, the configured default quorum rule. */
    public MeetingForm newForm() {
        StaffScope scope = staff.callerScope();
        String territory = scope.kind() == StaffScope.Kind.SUBTREE ? scope.territory().value() : null;
        QuorumRule rule = new MeetingForm(null, null, null, null, defaultQuorumKind, defaultQuorumValue, null)
                .quorumRule();
        return new MeetingForm(territory, today(), null, null, rule.kind().name(), rule.value(), null);
    }

    /** Meetings within the caller's scope, latest first. */
    public MeetingPage meetings(int first, int size) {
        StaffScope scope = staff.callerScope();
        List<MeetingSummary> items = meetings.inScope(scope, Math.max(0, first), Math.clamp(size, 1, MAX_PAGE_SIZE))
                .stream()
                .map(m -> new MeetingSummary(m.getId(), m.territory().value(), names(m.territory()), m.heldOn(),
                        m.place(), m.attendeeCount(), m.proposalIds().size()))
                .toList();
        return new MeetingPage(items, meetings.countInScope(scope));
    }

    /** One meeting of the caller's scope with its attendees, quorum and proposals. */
    public MeetingView meeting(long id) {
        CommunityMeeting m = meetings.find(id);
        staff.requireScope(m.territory());
        List<Attendee> attendees = meetings.citizens(m.attendeeIds()).stream()
                .map(c -> new Attendee(c.getId(), c.iin().masked(), c.name().fullName()))
                .toList();
        List<PutForward> put = meetings.proposals(id).stream()
                .map(p -> new PutForward(p.getId(), p.round().getId(), p.title().value(), p.status().messageKey(),
                        p.estimatedCost()))
                .toList();
        return new MeetingView(m.getId(), m.territory().value(), names(m.territory()), m.heldOn(), m.place(),
                m.agenda(), m.minutes().orElse(null), status(m), attendees, put, m.recordedBy().stored(),
                m.recordedAt());
    }

    /** The quorum of a meeting of the caller's scope. */
    public QuorumStatus quorum(long id) {
        CommunityMeeting m = meetings.find(id);
        staff.requireScope(m.territory());
        return status(m);
    }

    /** Rounds accepting proposals now whose territory contains the meeting's. */
    public List<RoundChoice> openRounds(long id) {
        CommunityMeeting m = meetings.find(id);
        staff.requireScope(m.territory());
        return meetings.roundsAcceptingProposals().stream()
                .filter(r -> m.territory().isWithin(r.territory()))
                .map(r -> new RoundChoice(r.getId(), r.territory().value(),
                        new Names(r.title().kk(), r.title().ru(), r.title().en()),
                        r.categories().stream()
                                .map(c -> new Category(c.code(), new Names(c.nameKk(), c.nameRu(), c.nameEn())))
                                .toList()))
                .toList();
    }

    // ---------------------------------------------------------------- recording

    /**
     * Records a meeting of a territory within the caller's scope.
     *
     * @return the meeting's id
     * @throws DomainRuleViolation {@code meeting.error.territory-unknown}, a refusal of the date, texts or quorum
     * @throws AccessRefused       for a territory outside the caller's scope
     */
    public long record(MeetingForm form) {
        KatoCode territory = existingTerritory(form.territoryCode());
        staff.requireScope(territory);
        CommunityMeeting m = CommunityMeeting.record(territory, form.requiredHeldOn(), form.place(), form.agenda(),
                form.quorumRule(), caller(), clock.instant());
        m.stateEligibleResidents(form.eligibleResidents());
        meetings.add(m);
        audit.record(caller(), "meeting.record", ENTITY, m.getId(), null, MeetingSnapshots.of(m));
        return m.getId();
    }

    /**
     * Corrects day, place, agenda, quorum rule and the number of eligible residents (the territory stays). A new
     * day must keep every registered attendee of age and, with attendees registered, not lie in the future.
     */
    public void update(long id, MeetingForm form) {
        CommunityMeeting m = locked(id);
        var before = MeetingSnapshots.of(m);
        LocalDate heldOn = form.requiredHeldOn();
        if (!heldOn.equals(m.heldOn()) && m.attendeeCount() > 0) {
            requireAttendeesStillAdmissible(m, heldOn);
        }
        m.reschedule(heldOn, form.place(), form.agenda());
        m.changeQuorumRule(form.quorumRule());
        m.stateEligibleResidents(form.eligibleResidents());
        recordChange(m, "meeting.update", before, MeetingSnapshots.of(m));
    }

    /** The minutes as written up after the meeting; blank text clears them. */
    public void recordMinutes(long id, String minutes) {
        CommunityMeeting m = locked(id);
        requireHeld(m);
        var before = MeetingSnapshots.of(m);
        m.recordMinutes(minutes);
        recordChange(m, "meeting.minutes", before, MeetingSnapshots.of(m));
    }

    /**
     * Registers an attendee by IIN: a person known to the platform (who has signed in once with the national digital
     * ID — the population register itself is outside our reach), living in the meeting's territory and 18 or older
     * on the meeting day. A person registered twice is counted once.
     *
     * @param rawIin twelve ASCII digits (a page may strip spaces and dashes first)
     * @throws DomainRuleViolation {@code meeting.error.attendee-iin-invalid}, {@code meeting.error.attendee-unknown},
     *                             {@code meeting.error.attendee-not-resident}, {@code meeting.error.attendee-under-age},
     *                             {@code meeting.error.not-held-yet}
     */
    public Admission addAttendee(long id, String rawIin) {
        CommunityMeeting m = locked(id);
        requireHeld(m);
        Iin iin;
        try {
            iin = Iin.parse(rawIin, today());
        } catch (InvalidIin e) {
            // The same message whatever the reason: no hint which digit is wrong.
            throw new DomainRuleViolation("meeting.error.attendee-iin-invalid");
        }
        Citizen citizen = citizens.findByIin(iin)
                .orElseThrow(() -> new DomainRuleViolation("meeting.error.attendee-unknown"));
        var before = MeetingSnapshots.of(m);
        boolean added = m.admit(citizen.getId(), citizen.residence().code(), citizen.birthDate());
        if (!added) {
            return Admission.ALREADY_REGISTERED;
        }
        audit.record(caller(), "meeting.attendee.add", ENTITY, m.getId(), before,
                MeetingSnapshots.of(m, "attendee", citizen.getId()));
        return Admission.ADMITTED;
    }

    /** Removes an attendee registered by mistake (refused once the meeting has put a proposal forward). */
    public void removeAttendee(long id, long citizenId) {
        CommunityMeeting m = locked(id);
        var before = MeetingSnapshots.of(m);
        if (m.removeAttendee(citizenId)) {
            audit.record(caller(), "meeting.attendee.remove", ENTITY, m.getId(), before,
                    MeetingSnapshots.of(m, "attendee", citizenId));
        }
    }

    /**
     * Puts a proposal forward in the meeting's name: drafted with the meeting as proposer for a round of a territory
     * containing the meeting's that accepts proposals, submitted at once and linked to the meeting. A meeting
     * without quorum writes nothing.
     *
     * @return the proposal's id
     * @throws DomainRuleViolation {@code meeting.error.no-quorum}, {@code meeting.error.eligible-residents-missing},
     *                             {@code meeting.error.round-territory}, {@code proposal.error.round-not-accepting},
     *                             {@code proposal.error.submission-closed} or a refusal of the content
     */
    public long putForward(long id, long roundId, ProposalForm form) {
        CommunityMeeting m = locked(id);
        requireHeld(m);
        m.requireQuorum();
        BudgetRound round = proposals.round(roundId);
        if (!m.territory().isWithin(round.territory())) {
            throw new DomainRuleViolation("meeting.error.round-territory");
        }
        Actor actor = caller();
        Instant now = clock.instant();
        Proposal p = Proposal.draft(round, Proposer.meeting(m.getId()), m.territory(), form.toContent(), actor, now);
        p.submit(actor, now);
        proposals.add(p);
        var before = MeetingSnapshots.of(m);
        m.putForward(p.getId());
        audit.record(actor, "proposal.put-forward", "Proposal", p.getId(), null, proposalSnapshot(p));
        audit.record(actor, "meeting.proposal.put-forward", ENTITY, m.getId(), before,
                MeetingSnapshots.of(m, "proposal", p.getId()));
        return p.getId();
    }

    // ---------------------------------------------------------------- internals

    /** The meeting, locked, after the scope check. */
    private CommunityMeeting locked(long id) {
        CommunityMeeting m = meetings.lock(id);
        staff.requireScope(m.territory());
        return m;
    }

    private KatoCode existingTerritory(String raw) {
        String code = raw == null ? "" : raw.strip();
        if (!KatoCode.isWellFormed(code) || territories.find(KatoCode.of(code)).isEmpty()) {
            throw new DomainRuleViolation("meeting.error.territory-unknown");
        }
        return KatoCode.of(code);
    }

    /** Attendance, minutes and proposals belong to a meeting that has taken place. */
    private void requireHeld(CommunityMeeting m) {
        if (m.heldOn().isAfter(today())) {
            throw new DomainRuleViolation("meeting.error.not-held-yet");
        }
    }

    private void requireAttendeesStillAdmissible(CommunityMeeting m, LocalDate heldOn) {
        if (heldOn.isAfter(today())) {
            throw new DomainRuleViolation("meeting.error.not-held-yet");
        }
        for (Citizen c : meetings.citizens(m.attendeeIds())) {
            if (Period.between(c.birthDate(), heldOn).getYears() < CommunityMeeting.MINIMUM_AGE) {
                throw new DomainRuleViolation("meeting.error.attendee-under-age", CommunityMeeting.MINIMUM_AGE);
            }
        }
    }

    private void recordChange(CommunityMeeting m, String action, Map<String, Object> before, Map<String, Object> after) {
        if (!before.equals(after)) {
            audit.record(caller(), action, ENTITY, m.getId(), before, after);
        }
    }

    private static QuorumStatus status(CommunityMeeting m) {
        Optional<Long> required = m.requiredAttendees();
        return new QuorumStatus(m.quorumRule().kind().name(), m.quorumRule().value(),
                m.eligibleResidents().orElse(null), m.attendeeCount(), required.orElse(null), m.isQuorate());
    }

    private Names names(KatoCode code) {
        return territories.find(code).map(MeetingService::names).orElse(new Names(code.value(), code.value(), null));
    }

    private static Names names(Territory t) {
        return new Names(t.nameKk(), t.nameRu(), t.nameEn());
    }

    private static Map<String, Object> proposalSnapshot(Proposal p) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("round", p.round().getId());
        s.put("territory", p.territory().value());
        s.put("proposerMeeting", p.proposer().meetingId().orElse(null));
        s.put("status", p.status().name());
        s.put("title", p.title().value());
        s.put("category", p.categoryCode());
        s.put("estimatedCost", p.estimatedCost());
        return s;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Actor caller() {
        return Actor.staff(session.getCallerPrincipal().getName());
    }
}
