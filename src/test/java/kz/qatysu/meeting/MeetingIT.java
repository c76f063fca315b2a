package kz.qatysu.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.meeting.application.MeetingForm;
import kz.qatysu.meeting.application.MeetingService;
import kz.qatysu.meeting.application.MeetingService.Admission;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.platform.testing.RunAsBostandykModerator;
import kz.qatysu.platform.testing.RunAsEsilModerator;
import kz.qatysu.proposal.application.ProposalForm;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.PhaseCalendar;
import kz.qatysu.round.domain.RoundCategory;
import kz.qatysu.round.domain.RoundText;
import kz.qatysu.territory.domain.KatoCode;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Local community meetings through {@link MeetingService}, in the container against the real schema: the Bostandyk
 * moderator records a meeting, registers attendees (each once, residents only, valid and known IINs only), is
 * refused a proposal without quorum and puts one forward with it; the Esil moderator can neither read nor change
 * that meeting. Demo residents and staff scopes come from the demo data loaded at start-up.
 */
@ExtendWith(ArquillianExtension.class)
public class MeetingIT {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final String BOSTANDYK = "751410000";
    private static final String BOSTANDYK_RESIDENT = "800416100254";
    private static final String OTHER_BOSTANDYK_RESIDENT = "800101100013";
    private static final String ESIL_RESIDENT = "750505200024";

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(MeetingIT.class).addClass(SyntheticIins.class);
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private UserTransaction tx;
    @EJB
    private MeetingService meetings;
    @EJB
    private RunAsBostandykModerator asBostandyk;
    @EJB
    private RunAsEsilModerator asEsil;

    // ---------------------------------------------------------------- fixtures

    private static LocalDate today() {
        return LocalDate.now(ALMATY);
    }

    private long bostandykMeeting(Integer eligibleResidents) throws Exception {
        return asBostandyk.call(() -> meetings.record(new MeetingForm(BOSTANDYK, today(), "Мектеп №12 акт залы",
                "1. Саябақты абаттандыру\n2. Әртүрлі", "SHARE", 10, eligibleResidents)));
    }

    /** A Bostandyk round in proposal submission since yesterday, later phases a year away (the timer leaves it). */
    private long bostandykRoundAcceptingProposals() throws Exception {
        LocalDateTime now = LocalDateTime.now(ALMATY);
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        starts.put(Phase.PROPOSAL_SUBMISSION, now.minusDays(1));
        starts.put(Phase.MODERATION_AND_REVIEW, now.plusYears(1));
        starts.put(Phase.VOTING, now.plusYears(1).plusMonths(1));
        starts.put(Phase.COUNTING, now.plusYears(1).plusMonths(2));
        starts.put(Phase.RESULTS_PUBLISHED, now.plusYears(1).plusMonths(3));
        starts.put(Phase.IMPLEMENTATION, now.plusYears(1).plusMonths(4));
        tx.begin();
        try {
            Actor operator = Actor.staff("it-admin");
            BudgetRound round = BudgetRound.draft(KatoCode.of(BOSTANDYK),
                    RoundText.title("Сход раунды", "Раунд для сходов", "Meeting round"),
                    RoundText.description("Сипаттама", "Описание", null), 100_000_000L,
                    PhaseCalendar.ofLocal(ALMATY, starts), null, operator, Instant.now());
            round.defineCategories(List.of(new RoundCategory("parks", "Саябақтар", "Парки", "Parks", null)));
            round.advanceTo(Phase.PROPOSAL_SUBMISSION, Instant.now(), operator);
            em.persist(round);
            em.flush();
            tx.commit();
            return round.getId();
        } catch (Exception | Error e) {
            tx.rollback();
            throw e;
        }
    }

    private static ProposalForm benches() {
        return new ProposalForm("Саябаққа жаңа орындықтар", "Жиналыс саябаққа орындықтар мен шамдар орнатуды ұсынады.",
                "parks", "Әл-Фараби даңғылы, 77", null, null,
                List.of(new ProposalForm.Line("Орындықтар", 20L, 150_000L)), List.of());
    }

    private long count(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private long auditEntries(long meetingId) {
        return count("select count(*) from audit_entry where entity_type = 'CommunityMeeting' and entity_id = ?1",
                Long.toString(meetingId));
    }

    private long attendees(long meetingId) {
        return count("select count(*) from community_meeting_attendee where meeting_id = ?1", meetingId);
    }

    private long proposalsOf(long meetingId) {
        return count("select count(*) from proposal where proposer_meeting_id = ?1", meetingId);
    }

    // ---------------------------------------------------------------- tests

    @Test
    public void aQuorateMeetingPutsForwardASubmittedProposalInItsOwnName() throws Exception {
        long roundId = bostandykRoundAcceptingProposals();
        long id = bostandykMeeting(1000);
        assertThat(auditEntries(id)).isEqualTo(1);

        // Attendees: a resident once, even when registered twice; another resident.
        assertThat(asBostandyk.call(() -> meetings.addAttendee(id, BOSTANDYK_RESIDENT))).isEqualTo(Admission.ADMITTED);
        assertThat(asBostandyk.call(() -> meetings.addAttendee(id, BOSTANDYK_RESIDENT)))
                .isEqualTo(Admission.ALREADY_REGISTERED);
        assertThat(asBostandyk.call(() -> meetings.addAttendee(id, OTHER_BOSTANDYK_RESIDENT)))
                .isEqualTo(Admission.ADMITTED);
        assertThat(attendees(id)).isEqualTo(2);

        // Refused: a resident of Esil, an invalid IIN, a valid IIN nobody has signed in with.
        assertThatThrownBy(() -> asBostandyk.call(() -> meetings.addAttendee(id, ESIL_RESIDENT)))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("meeting.error.attendee-not-resident");
        assertThatThrownBy(() -> asBostandyk.call(() -> meetings.addAttendee(id, "800416100255")))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("meeting.error.attendee-iin-invalid");
        assertThatThrownBy(() -> asBostandyk.call(() -> meetings.addAttendee(id, "８００４１６１００２５４")))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("meeting.error.attendee-iin-invalid");
        String unknown = SyntheticIins.next();
        assertThatThrownBy(() -> asBostandyk.call(() -> meetings.addAttendee(id, unknown)))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("meeting.error.attendee-unknown");
        assertThat(attendees(id)).isEqualTo(2);
        assertThat(auditEntries(id)).isEqualTo(3);

        // 2 of 1000 eligible residents is no 10 % quorum: nothing is written.
        var noQuorum = asBostandyk.call(() -> meetings.quorum(id));
        assertThat(noQuorum.attendees()).isEqualTo(2);
        assertThat(noQuorum.required()).isEqualTo(100L);
        assertThat(noQuorum.met()).isFalse();
        long proposalsBefore = count("select count(*) from proposal");
        assertThatThrownBy(() -> asBostandyk.call(() -> meetings.putForward(id, roundId, benches())))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("meeting.error.no-quorum");
        assertThat(count("select count(*) from proposal")).isEqualTo(proposalsBefore);
        assertThat(proposalsOf(id)).isZero();
        assertThat(count("select count(*) from community_meeting_proposal where meeting_id = ?1", id)).isZero();
        assertThat(auditEntries(id)).isEqualTo(3);

        // The akimat states 20 eligible residents (a small village): 2 attendees make 10 %.
        asBostandyk.call(() -> {
            meetings.update(id, new MeetingForm(BOSTANDYK, today(), "Мектеп №12 акт залы",
                    "1. Саябақты абаттандыру\n2. Әртүрлі", "SHARE", 10, 20));
            return null;
        });
        assertThat(asBostandyk.call(() -> meetings.quorum(id)).met()).isTrue();
        asBostandyk.call(() -> {
            meetings.recordMinutes(id, "Жиналыс саябақ жобасын бірауыздан қолдады.");
            return null;
        });
        long proposalId = asBostandyk.call(() -> meetings.putForward(id, roundId, benches()));

        Proposal stored = em.find(Proposal.class, proposalId);
        assertThat(stored.status()).isEqualTo(ProposalStatus.SUBMITTED);
        assertThat(stored.proposer().meetingId()).contains(id);
        assertThat(stored.proposer().citizenId()).isEmpty();
        assertThat(stored.round().getId()).isEqualTo(roundId);
        assertThat(proposalsOf(id)).isEqualTo(1);
        assertThat(count("select count(*) from community_meeting_proposal where meeting_id = ?1 and proposal_id = ?2",
                id, proposalId)).isEqualTo(1);
        var view = asBostandyk.call(() -> meetings.meeting(id));
        assertThat(view.proposals()).extracting(MeetingService.PutForward::id).containsExactly(proposalId);
        assertThat(view.attendees()).extracting(MeetingService.Attendee::maskedIin)
                .containsExactlyInAnyOrder("800416******", "800101******");
        assertThat(view.minutes()).isEqualTo("Жиналыс саябақ жобасын бірауыздан қолдады.");

        // record, 2 attendees, update, minutes, put forward
        assertThat(auditEntries(id)).isEqualTo(6);
        assertThat(count("select count(*) from audit_entry where entity_type = 'CommunityMeeting' and entity_id = ?1"
                + " and actor = 'staff:moderator.bostandyk'", Long.toString(id))).isEqualTo(6);
        assertThat(count("select count(*) from audit_entry where entity_type = 'Proposal' and entity_id = ?1"
                + " and action = 'proposal.put-forward'", Long.toString(proposalId))).isEqualTo(1);

        // The quorum the proposal rests on is settled.
        long attendeeId = attendeeIdOf(id);
        assertThatThrownBy(() -> asBostandyk.call(() -> {
            meetings.removeAttendee(id, attendeeId);
            return null;
        })).isInstanceOf(DomainRuleViolation.class).hasMessage("meeting.error.quorum-settled");
        assertThat(attendees(id)).isEqualTo(2);
    }

    private long attendeeIdOf(long meetingId) {
        return count("select min(citizen_id) from community_meeting_attendee where meeting_id = ?1", meetingId);
    }

    @Test
    public void theEsilModeratorCanNeitherReadNorChangeABostandykMeeting() throws Exception {
        long roundId = bostandykRoundAcceptingProposals();
        long id = bostandykMeeting(10);
        asBostandyk.call(() -> meetings.addAttendee(id, BOSTANDYK_RESIDENT));
        long attendeeId = attendeeIdOf(id);
        long audited = auditEntries(id);
        long meetingsBefore = count("select count(*) from community_meeting");
        MeetingForm crafted = new MeetingForm(BOSTANDYK, today(), "Басқа орын", "Басқа күн тәртібі", "ABSOLUTE", 1, 1);

        assertThatThrownBy(() -> asEsil.call(() -> meetings.meeting(id))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asEsil.call(() -> meetings.quorum(id))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asEsil.call(() -> meetings.openRounds(id))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asEsil.call(() -> {
            meetings.update(id, crafted);
            return null;
        })).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asEsil.call(() -> {
            meetings.recordMinutes(id, "Жалған хаттама");
            return null;
        })).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asEsil.call(() -> meetings.addAttendee(id, OTHER_BOSTANDYK_RESIDENT)))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asEsil.call(() -> {
            meetings.removeAttendee(id, attendeeId);
            return null;
        })).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asEsil.call(() -> meetings.putForward(id, roundId, benches())))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asEsil.call(() -> meetings.record(crafted))).isInstanceOf(AccessRefused.class);
        assertThat(asEsil.call(() -> meetings.meetings(0, 100)).items())
                .extracting(MeetingService.MeetingSummary::id).doesNotContain(id);

        assertThat(attendees(id)).isEqualTo(1);
        assertThat(proposalsOf(id)).isZero();
        assertThat(auditEntries(id)).isEqualTo(audited);
        assertThat(count("select count(*) from community_meeting")).isEqualTo(meetingsBefore);
        assertThat(count("select count(*) from community_meeting where id = ?1 and minutes is null"
                + " and place = 'Мектеп №12 акт залы' and quorum_kind = 'SHARE' and eligible_residents = 10", id))
                .isEqualTo(1);
        assertThat(asBostandyk.call(() -> meetings.meetings(0, 100)).items())
                .extracting(MeetingService.MeetingSummary::id).contains(id);
    }
}
