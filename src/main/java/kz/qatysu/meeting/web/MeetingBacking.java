package kz.qatysu.meeting.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import kz.qatysu.meeting.application.MeetingService;
import kz.qatysu.meeting.application.MeetingService.Admission;
import kz.qatysu.meeting.application.MeetingService.Category;
import kz.qatysu.meeting.application.MeetingService.MeetingView;
import kz.qatysu.meeting.application.MeetingService.RoundChoice;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.proposal.application.ProposalForm;
import kz.qatysu.proposal.web.ProposalFormModel;

/**
 * Page {@code staff/meeting.xhtml?id=N}: one meeting with its edit form, attendees, quorum, minutes and the
 * proposals it puts forward. Every action goes through {@link MeetingService}, which checks the caller's territory
 * whatever this page shows, and ends with a redirect to the page (POST-redirect-GET).
 */
@Named
@ViewScoped
public class MeetingBacking implements Serializable {
    private static final long serialVersionUID = 1L;


    @EJB
    private MeetingService meetings;
    @Inject
    private FormActions actions;
    @Inject
    private FacesActions facesActions;
    @Inject
    private Messages messages;

    private Long id;
    private MeetingView meeting;
    private List<RoundChoice> rounds = List.of();
    private final MeetingFormModel form = new MeetingFormModel();
    private String iin;
    private String minutes;
    private Long roundId;
    private final ProposalFormModel proposal = new ProposalFormModel();

    /** View action: the meeting (403 outside the caller's territory, 404 when there is none). */
    public void load() {
        if (id == null) {
            facesActions.attempt(null, () -> {
                throw new NotFound("meeting");
            });
            return;
        }
        facesActions.attempt(null, () -> {
            meeting = meetings.meeting(id);
            rounds = meetings.openRounds(id);
        });
        if (meeting != null) {
            form.fill(meeting.form());
            minutes = meeting.minutes();
            if (rounds.size() == 1) {
                roundId = rounds.getFirst().id();
            }
        }
    }

    public String save() {
        return done(actions.attempt("meetingForm", MeetingsBacking.INPUTS, () -> meetings.update(id, form.toForm())),
                "meeting.saved");
    }

    public String addAttendee() {
        String typed = iin == null ? null : iin.replace(" ", "").replace("-", "");
        Admission admission = actions.attempt("attendeeForm", List.of("iin"), () -> meetings.addAttendee(id, typed));
        if (admission == null) {
            return null;
        }
        return done(true, admission == Admission.ADMITTED ? "meeting.attendee.added" : "meeting.attendee.already");
    }

    public String removeAttendee(long citizenId) {
        return done(actions.attempt("attendeesForm", List.of(), () -> meetings.removeAttendee(id, citizenId)),
                "meeting.attendee.removed");
    }

    public String saveMinutes() {
        return done(actions.attempt("minutesForm", List.of("minutes"), () -> meetings.recordMinutes(id, minutes)),
                "meeting.minutes.saved");
    }

    public String putForward() {
        if (roundId == null) {
            messages.error("proposalForm:roundId", "meeting.error.round-missing");
            return null;
        }
        ProposalForm form = proposal.toForm();
        return done(actions.attempt("proposalForm", List.of("roundId", "title", "description", "categoryCode",
                        "address", "latitude", "costLines"), () -> meetings.putForward(id, roundId, form)) != null,
                "meeting.proposal.put-forward");
    }

    private String done(boolean ok, String messageKey) {
        if (!ok) {
            return null;
        }
        messages.flashInfo(messageKey);
        return "/staff/meeting?faces-redirect=true&id=" + id;
    }

    /** The categories of the chosen round. */
    public List<Category> getCategories() {
        return rounds.stream().filter(r -> roundId != null && r.id() == roundId).findFirst()
                .map(RoundChoice::categories).orElse(List.of());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public MeetingView getMeeting() {
        return meeting;
    }

    public List<RoundChoice> getRounds() {
        return rounds;
    }

    public MeetingFormModel getForm() {
        return form;
    }

    public String getIin() {
        return iin;
    }

    public void setIin(String iin) {
        this.iin = iin;
    }

    public String getMinutes() {
        return minutes;
    }

    public void setMinutes(String minutes) {
        this.minutes = minutes;
    }

    public Long getRoundId() {
        return roundId;
    }

    public void setRoundId(Long roundId) {
        this.roundId = roundId;
    }

    public ProposalFormModel getProposal() {
        return proposal;
    }
}
