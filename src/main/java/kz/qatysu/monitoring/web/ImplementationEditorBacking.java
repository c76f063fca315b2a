package kz.qatysu.monitoring.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import kz.qatysu.monitoring.application.ImplementationService;
import kz.qatysu.monitoring.application.ImplementationView;
import kz.qatysu.monitoring.domain.ImplementationStatus;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.proposal.attachment.application.AttachmentSettings;
import kz.qatysu.proposal.attachment.domain.AttachmentRefused;
import org.primefaces.model.file.UploadedFile;

/**
 * {@code /staff/implementation-project.xhtml?id=N}: the implementation of one funded project (N is the proposal) —
 * start monitoring, plan and complete milestones, report progress and money, move the planned completion, add
 * photos, complete. The id travels as the view parameter {@code id} (every form posts it again), and each action
 * hands the posted id to {@link ImplementationService}, which checks role, territorial scope and the rules whatever
 * the page showed; a refusal becomes 403/404 or a message next to the field. Success redirects (PRG).
 */
@Named
@ViewScoped
public class ImplementationEditorBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Which field shows a refusal, by the start of its message key; global otherwise. */
    private static final Map<String, String> PROGRESS_FIELDS = Map.of(
            "monitoring.error.percent", "progressForm:percentDone",
            "monitoring.error.money", "progressForm:contracted",
            "monitoring.error.overspend", "progressForm:note",
            "monitoring.error.over-assessed", "progressForm:note",
            "monitoring.error.note", "progressForm:note",
            "monitoring.error.progress-required", "progressForm:percentDone");

    @EJB
    private ImplementationService implementations;
    @Inject
    private FacesActions actions;
    @Inject
    private Messages messages;
    @Inject
    private AttachmentSettings attachmentSettings;

    private String id;
    private ImplementationView project;

    private LocalDate plannedCompletion;
    private String milestoneTitle;
    private LocalDate milestonePlannedOn;
    private LocalDate doneOn;
    private Integer percentDone;
    private Long contracted;
    private Long spent;
    private String note;
    private LocalDate newCompletion;
    private String rescheduleReason;
    private LocalDate completedOn;
    private String caption;
    private transient UploadedFile photo;

    /** The view action (initial GET only): loads the project, or answers 404 / 403. */
    public void load() {
        project = actions.attempt(null, () -> implementations.project(proposalId()));
        if (project != null && project.started()) {
            percentDone = project.percentDone();
            contracted = project.contracted();
            spent = project.spent();
        }
    }

    // ---------------------------------------------------------------- actions

    public String start() {
        return act("startForm:plannedCompletion", () -> implementations.start(proposalId(), plannedCompletion),
                "monitoring.done.started");
    }

    public String planMilestone() {
        return perField(key -> key.startsWith("monitoring.error.milestone-title") ? "milestoneForm:milestoneTitle"
                        : key.equals("monitoring.error.milestone-date") ? "milestoneForm:milestonePlannedOn" : null,
                () -> implementations.planMilestone(proposalId(), milestoneTitle, milestonePlannedOn),
                "monitoring.done.milestone-planned");
    }

    public String completeMilestone(int number) {
        return act(null, () -> implementations.completeMilestone(proposalId(), number, doneOn),
                "monitoring.done.milestone-done");
    }

    public String reportProgress() {
        return perField(key -> PROGRESS_FIELDS.entrySet().stream().filter(e -> key.startsWith(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null),
                () -> implementations.reportProgress(proposalId(), percentDone, contracted, spent, note),
                "monitoring.done.progress");
    }

    public String reschedule() {
        return perField(key -> key.startsWith("monitoring.error.note") ? "rescheduleForm:rescheduleReason"
                        : "rescheduleForm:newCompletion",
                () -> implementations.reschedule(proposalId(), newCompletion, rescheduleReason),
                "monitoring.done.rescheduled");
    }

    public String complete() {
        return act(null, () -> implementations.complete(proposalId(), completedOn), "monitoring.done.completed");
    }

    public String uploadPhoto() {
        if (photo == null || photo.getSize() <= 0) {
            messages.error("photoForm:photo", AttachmentRefused.EMPTY);
            return null;
        }
        if (photo.getSize() > attachmentSettings.limits().maxBytes()) {
            messages.error("photoForm:photo", AttachmentRefused.TOO_LARGE, attachmentSettings.limits().maxMegabytes());
            return null;
        }
        UploadedFile upload = photo;
        return perField(key -> key.startsWith("monitoring.error.caption") ? "photoForm:caption" : "photoForm:photo",
                () -> {
                    try (InputStream in = upload.getInputStream()) {
                        implementations.addPhoto(proposalId(), upload.getFileName(), caption, in);
                    } catch (IOException e) {
                        throw new AttachmentRefused(AttachmentRefused.UNREADABLE);
                    }
                }, "monitoring.done.photo");
    }

    private String act(String clientId, Runnable action, String doneKey) {
        return perField(key -> clientId, action, doneKey);
    }

    private String perField(Function<String, String> fieldOfKey, Runnable action, String doneKey) {
        if (!actions.attemptPerField(fieldOfKey, action)) {
            return null;
        }
        messages.flashInfo(doneKey);
        return "/staff/implementation-project?faces-redirect=true&id=" + proposalId();
    }

    /** The posted id; an absent or malformed one names no project (the service answers 404). */
    private long proposalId() {
        try {
            return id == null ? 0L : Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    // ---------------------------------------------------------------- what the page shows

    /** For {@code p:validateFile}: PrimeFaces refuses larger files in the browser and again on the server. */
    public long getSizeLimit() {
        return attachmentSettings.limits().maxBytes();
    }

    /** Started and not completed: milestones, progress, dates may change (photos may be added in any case). */
    public boolean isEditable() {
        return project != null && project.started() && project.status() != ImplementationStatus.COMPLETED;
    }

    // ---------------------------------------------------------------- properties

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ImplementationView getProject() {
        return project;
    }

    public LocalDate getPlannedCompletion() {
        return plannedCompletion;
    }

    public void setPlannedCompletion(LocalDate plannedCompletion) {
        this.plannedCompletion = plannedCompletion;
    }

    public String getMilestoneTitle() {
        return milestoneTitle;
    }

    public void setMilestoneTitle(String milestoneTitle) {
        this.milestoneTitle = milestoneTitle;
    }

    public LocalDate getMilestonePlannedOn() {
        return milestonePlannedOn;
    }

    public void setMilestonePlannedOn(LocalDate milestonePlannedOn) {
        this.milestonePlannedOn = milestonePlannedOn;
    }

    public LocalDate getDoneOn() {
        return doneOn;
    }

    public void setDoneOn(LocalDate doneOn) {
        this.doneOn = doneOn;
    }

    public Integer getPercentDone() {
        return percentDone;
    }

    public void setPercentDone(Integer percentDone) {
        this.percentDone = percentDone;
    }

    public Long getContracted() {
        return contracted;
    }

    public void setContracted(Long contracted) {
        this.contracted = contracted;
    }

    public Long getSpent() {
        return spent;
    }

    public void setSpent(Long spent) {
        this.spent = spent;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public LocalDate getNewCompletion() {
        return newCompletion;
    }

    public void setNewCompletion(LocalDate newCompletion) {
        this.newCompletion = newCompletion;
    }

    public String getRescheduleReason() {
        return rescheduleReason;
    }

    public void setRescheduleReason(String rescheduleReason) {
        this.rescheduleReason = rescheduleReason;
    }

    public LocalDate getCompletedOn() {
        return completedOn;
    }

    public void setCompletedOn(LocalDate completedOn) {
        this.completedOn = completedOn;
    }

    public String getCaption() {
        return caption;
    }

    public void setCaption(String caption) {
        this.caption = caption;
    }

    public UploadedFile getPhoto() {
        return photo;
    }

    public void setPhoto(UploadedFile photo) {
        this.photo = photo;
    }
}
