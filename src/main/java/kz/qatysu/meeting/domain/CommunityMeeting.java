package kz.qatysu.meeting.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.text.CleanText;
import kz.qatysu.territory.domain.KatoCode;

/**
 * A local community meeting (сход / собрание местного сообщества) of a territory, recorded by akimat staff: date,
 * place, agenda, attendees (eligible residents, each counted once), minutes, and the proposals it puts forward,
 * which it may do only when quorate.
 * <p>
 * A share quorum is reckoned against the number of eligible residents of the territory on the meeting day as the
 * akimat states it from the population register (the register is outside the platform's reach). Once the meeting
 * has put a proposal forward, what its quorum rests on — the rule, that number, the attendees already counted — is
 * settled: attendees may still be added, none removed.
 */
@Entity
@Table(name = "community_meeting")
@NamedQuery(name = "CommunityMeeting.findByTerritory",
        query = "select m from CommunityMeeting m where m.territoryCode = :territoryCode order by m.heldOn desc, m.id desc")
@NamedQuery(name = "CommunityMeeting.findInScope",
        query = "select m from CommunityMeeting m where m.territoryCode like :katoPrefix order by m.heldOn desc, m.id desc")
public class CommunityMeeting {

    public static final int MINIMUM_AGE = 18;
    public static final int MAX_PLACE_LENGTH = 300;
    public static final int MAX_AGENDA_LENGTH = 20_000;
    public static final int MAX_MINUTES_LENGTH = 100_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    @Column(name = "territory_code", length = 9, nullable = false, updatable = false)
    private String territoryCode;

    @Column(name = "held_on", nullable = false)
    private LocalDate heldOn;

    @Column(name = "place", nullable = false, length = MAX_PLACE_LENGTH)
    private String place;

    @Column(name = "agenda", nullable = false)
    private String agenda;

    @Column(name = "minutes")
    private String minutes;

    @Embedded
    private QuorumRule quorumRule;

    @Column(name = "eligible_residents")
    private Integer eligibleResidents;

    @ElementCollection
    @CollectionTable(name = "community_meeting_attendee", joinColumns = @JoinColumn(name = "meeting_id"))
    @Column(name = "citizen_id", nullable = false)
    private Set<Long> attendeeIds = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "community_meeting_proposal", joinColumns = @JoinColumn(name = "meeting_id"))
    @Column(name = "proposal_id", nullable = false)
    private Set<Long> proposalIds = new TreeSet<>();

    @Column(name = "recorded_by", nullable = false, length = Actor.MAX_LENGTH, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected CommunityMeeting() {
        // for JPA
    }

    /** A meeting recorded by staff. */
    public static CommunityMeeting record(KatoCode territory, LocalDate heldOn, String place, String agenda,
                                          QuorumRule quorumRule, Actor staff, Instant now) {
        if (!Objects.requireNonNull(staff, "staff").isStaff()) {
            throw new DomainRuleViolation("meeting.error.staff-only");
        }
        CommunityMeeting m = new CommunityMeeting();
        m.territoryCode = Objects.requireNonNull(territory, "territory").value();
        m.recordedBy = staff.stored();
        m.recordedAt = Objects.requireNonNull(now, "now");
        m.quorumRule = Objects.requireNonNull(quorumRule, "quorumRule");
        m.reschedule(heldOn, place, agenda);
        return m;
    }

    /** Corrects date, place and agenda. */
    public void reschedule(LocalDate heldOn, String place, String agenda) {
        this.heldOn = Objects.requireNonNull(heldOn, "heldOn");
        this.place = CleanText.required(place, MAX_PLACE_LENGTH, false, "meeting.error.place");
        this.agenda = CleanText.required(agenda, MAX_AGENDA_LENGTH, true, "meeting.error.agenda");
    }

    /** The minutes as written up after the meeting; blank text clears them. */
    public void recordMinutes(String text) {
        this.minutes = CleanText.optional(text, MAX_MINUTES_LENGTH, true, "meeting.error.minutes");
    }

    /**
     * Registers an attendee: a resident of the territory aged at least 18 on the day of the meeting. An attendee
     * registered twice is counted once.
     *
     * @return whether the attendee was new
     * @throws DomainRuleViolation {@code meeting.error.attendee-not-resident} or {@code meeting.error.attendee-under-age}
     */
    public boolean admit(long citizenId, KatoCode residence, LocalDate birthDate) {
        if (residence == null || !residence.isWithin(territory())) {
            throw new DomainRuleViolation("meeting.error.attendee-not-resident");
        }
        if (birthDate == null || Period.between(birthDate, heldOn).getYears() < MINIMUM_AGE) {
            throw new DomainRuleViolation("meeting.error.attendee-under-age", MINIMUM_AGE);
        }
        return attendeeIds.add(citizenId);
    }

    /**
     * Removes an attendee registered by mistake.
     *
     * @throws DomainRuleViolation {@code meeting.error.quorum-settled} once the meeting has put a proposal forward
     */
    public boolean removeAttendee(long citizenId) {
        if (attendeeIds.contains(citizenId)) {
            requireQuorumOpen();
        }
        return attendeeIds.remove(citizenId);
    }

    /**
     * Changes the quorum rule, e.g. when the wrong one was chosen at recording.
     *
     * @throws DomainRuleViolation {@code meeting.error.quorum-settled} once the meeting has put a proposal forward
     */
    public void changeQuorumRule(QuorumRule rule) {
        Objects.requireNonNull(rule, "rule");
        if (!rule.equals(quorumRule)) {
            requireQuorumOpen();
            quorumRule = rule;
        }
    }

    /**
     * States the number of eligible residents (adults living in the territory on the meeting day) as the akimat
     * has it from the population register; {@code null} when not known yet.
     *
     * @throws DomainRuleViolation {@code meeting.error.eligible-residents} for a number below one,
     *                             {@code meeting.error.quorum-settled} once the meeting has put a proposal forward
     */
    public void stateEligibleResidents(Integer residents) {
        if (residents != null && residents < 1) {
            throw new DomainRuleViolation("meeting.error.eligible-residents");
        }
        if (!Objects.equals(residents, eligibleResidents)) {
            requireQuorumOpen();
            eligibleResidents = residents;
        }
    }

    /**
     * The fewest attendees that make a quorum: the absolute number, or the share of the stated eligible residents;
     * empty for a share rule while that number is not stated.
     */
    public Optional<Long> requiredAttendees() {
        if (quorumRule.kind() == QuorumRule.Kind.ABSOLUTE) {
            return Optional.of(quorumRule.minimumAttendees(0));
        }
        return eligibleResidents().map(n -> quorumRule.minimumAttendees(n));
    }

    /** Whether the attendees make a quorum under the stated rule and number of eligible residents. */
    public boolean isQuorate() {
        return requiredAttendees().filter(required -> attendeeIds.size() >= required).isPresent();
    }

    /**
     * Records a proposal this meeting puts forward, reckoning the quorum against the stated eligible residents.
     *
     * @throws DomainRuleViolation {@code meeting.error.eligible-residents-missing} for a share rule without that
     *                             number, {@code meeting.error.no-quorum} when the meeting is not quorate
     */
    public void putForward(long proposalId) {
        requireQuorum();
        proposalIds.add(proposalId);
    }

    /**
     * Refuses unless the meeting is quorate: the check before a proposal is even drafted in its name.
     *
     * @throws DomainRuleViolation as {@link #putForward(long)}
     */
    public void requireQuorum() {
        long required = requiredAttendees()
                .orElseThrow(() -> new DomainRuleViolation("meeting.error.eligible-residents-missing"));
        if (attendeeIds.size() < required) {
            throw new DomainRuleViolation("meeting.error.no-quorum", required);
        }
    }

    private void requireQuorumOpen() {
        if (!proposalIds.isEmpty()) {
            throw new DomainRuleViolation("meeting.error.quorum-settled");
        }
    }

    public int attendeeCount() {
        return attendeeIds.size();
    }

    /** Whether the attendees make a quorum of the territory's eligible residents on the meeting day. */
    public boolean hasQuorum(long eligibleResidents) {
        return quorumRule.isMetBy(attendeeIds.size(), eligibleResidents);
    }

    /**
     * Records a proposal this meeting puts forward (a proposal whose proposer is this meeting).
     *
     * @throws DomainRuleViolation {@code meeting.error.no-quorum} when the meeting is not quorate
     */
    public void putForward(long proposalId, long eligibleResidents) {
        if (!hasQuorum(eligibleResidents)) {
            throw new DomainRuleViolation("meeting.error.no-quorum", quorumRule.minimumAttendees(eligibleResidents));
        }
        proposalIds.add(proposalId);
    }

    public Long getId() {
        return id;
    }

    public KatoCode territory() {
        return KatoCode.of(territoryCode);
    }

    public LocalDate heldOn() {
        return heldOn;
    }

    public String place() {
        return place;
    }

    public String agenda() {
        return agenda;
    }

    public Optional<String> minutes() {
        return Optional.ofNullable(minutes);
    }

    public QuorumRule quorumRule() {
        return quorumRule;
    }

    public Optional<Integer> eligibleResidents() {
        return Optional.ofNullable(eligibleResidents);
    }

    public Set<Long> attendeeIds() {
        return Collections.unmodifiableSet(new TreeSet<>(attendeeIds));
    }

    public Set<Long> proposalIds() {
        return Collections.unmodifiableSet(new TreeSet<>(proposalIds));
    }

    public Actor recordedBy() {
        return Actor.parse(recordedBy);
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
