package kz.qatysu.proposal.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.proposal.application.ProposalDecisions;
import kz.qatysu.proposal.application.StaffProposalView;
import kz.qatysu.proposal.domain.InfeasibilityReason;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.proposal.domain.RejectionReason;

/**
 * {@code staff/proposal.xhtml?id=N}: a proposal with its history and the decisions its status allows the caller.
 * The id travels as the view parameter {@code id} (every action form posts it again), so each action hands the
 * posted id to {@link ProposalDecisions}, which checks role, territorial scope and status whatever the page showed;
 * a refusal becomes 403/404 or a message next to the field through {@link FacesActions}. Success redirects (PRG).
 */
@Named
@ViewScoped
public class ProposalDecisionBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final List<RejectionReason> REJECTION_REASONS = Arrays.stream(RejectionReason.values())
            .filter(r -> r != RejectionReason.INSUFFICIENT_SUPPORT).toList();

    @EJB
    private ProposalDecisions decisions;
    @Inject
    private FacesActions actions;
    @Inject
    private Messages messages;

    private String id;
    private StaffProposalView proposal;
    private boolean moderator;
    private boolean reviewer;

    private String comment;
    private RejectionReason rejectionReason;
    private InfeasibilityReason infeasibilityReason;
    private Long survivorId;
    private Long assessedCost;

    /** The view action (initial GET only): loads the proposal, or answers 404 / 403. */
    public void load() {
        proposal = actions.attempt(null, () -> decisions.proposal(proposalId()));
        if (proposal == null) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        boolean admin = external.isUserInRole(Roles.ADMIN);
        moderator = admin || external.isUserInRole(Roles.MODERATOR);
        reviewer = admin || external.isUserInRole(Roles.REVIEWER);
        assessedCost = proposal.assessedCost() != null ? proposal.assessedCost() : proposal.estimatedCost();
    }

    // ---------------------------------------------------------------- decisions

    public String startModeration() {
        return decide(null, () -> decisions.startModeration(proposalId()), "proposal.decision.done.moderation-started");
    }

    public String accept() {
        return decide(null, () -> decisions.accept(proposalId()), "proposal.decision.done.accepted");
    }

    public String returnForChanges() {
        return decide("returnForm:comment", () -> decisions.returnForChanges(proposalId(), comment),
                "proposal.decision.done.returned");
    }

    public String reject() {
        return decide("rejectForm:rejectionReason", () -> decisions.reject(proposalId(), rejectionReason, comment),
                "proposal.decision.done.rejected");
    }

    public String merge() {
        if (survivorId == null) {
            messages.error("mergeForm:survivorId", "proposal.error.merge-target");
            return null;
        }
        return decide("mergeForm:survivorId", () -> decisions.merge(proposalId(), survivorId, comment),
                "proposal.decision.done.merged");
    }

    public String startReview() {
        return decide(null, () -> decisions.startReview(proposalId()), "proposal.decision.done.review-started");
    }

    public String markFeasible() {
        return decide("feasibleForm:assessedCost", () -> decisions.markFeasible(proposalId(), assessedCost, comment),
                "proposal.decision.done.feasible");
    }

    public String markInfeasible() {
        return decide("infeasibleForm:infeasibilityReason",
                () -> decisions.markInfeasible(proposalId(), infeasibilityReason, comment),
                "proposal.decision.done.infeasible");
    }

    private String decide(String clientId, Runnable decision, String doneKey) {
        if (!actions.attempt(clientId, decision)) {
            return null;
        }
        messages.flashInfo(doneKey);
        return "/staff/proposal?faces-redirect=true&id=" + proposalId();
    }

    /** The posted id; an absent or malformed one names no proposal (the service answers 404). */
    private long proposalId() {
        try {
            return id == null ? 0L : Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    // ---------------------------------------------------------------- what the page offers

    private boolean in(ProposalStatus status) {
        return proposal != null && proposal.status().equals(status.name());
    }

    public boolean isMayStartModeration() {
        return moderator && in(ProposalStatus.SUBMITTED);
    }

    public boolean isMayModerate() {
        return moderator && in(ProposalStatus.UNDER_MODERATION);
    }

    public boolean isMayStartReview() {
        return reviewer && in(ProposalStatus.ACCEPTED);
    }

    public boolean isMayReview() {
        return reviewer && in(ProposalStatus.UNDER_REVIEW);
    }

    public boolean isMayDecide() {
        return isMayStartModeration() || isMayModerate() || isMayStartReview() || isMayReview();
    }

    public long getCostTotal() {
        return proposal == null ? 0L : proposal.costLines().stream()
                .mapToLong(l -> l.quantity() * l.unitPrice()).sum();
    }

    /** The i18n key of a stored status name, e.g. {@code proposal.status.under-moderation}. */
    public String statusKey(String status) {
        return status == null ? null : ProposalStatus.valueOf(status).messageKey();
    }

    public String rejectionKey(String reason) {
        return reason == null ? null : RejectionReason.valueOf(reason).messageKey();
    }

    public String infeasibilityKey(String reason) {
        return reason == null ? null : InfeasibilityReason.valueOf(reason).messageKey();
    }

    /** Staff by login; the author and the system by role (a citizen's id means nothing to staff). */
    public boolean isStaffActor(String stored) {
        return stored != null && stored.startsWith("staff:");
    }

    public String actorName(String stored) {
        return stored.substring(stored.indexOf(':') + 1);
    }

    public String actorKey(String stored) {
        return stored != null && stored.startsWith("citizen:") ? "proposal.history.actor.citizen"
                : "proposal.history.actor.system";
    }

    public List<RejectionReason> getRejectionReasons() {
        return REJECTION_REASONS;
    }

    public List<InfeasibilityReason> getInfeasibilityReasons() {
        return List.of(InfeasibilityReason.values());
    }

    // ---------------------------------------------------------------- properties

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public StaffProposalView getProposal() {
        return proposal;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }

    public RejectionReason getRejectionReason() {
        return rejectionReason;
    }

    public void setRejectionReason(RejectionReason rejectionReason) {
        this.rejectionReason = rejectionReason;
    }

    public InfeasibilityReason getInfeasibilityReason() {
        return infeasibilityReason;
    }

    public void setInfeasibilityReason(InfeasibilityReason infeasibilityReason) {
        this.infeasibilityReason = infeasibilityReason;
    }

    public Long getSurvivorId() {
        return survivorId;
    }

    public void setSurvivorId(Long survivorId) {
        this.survivorId = survivorId;
    }

    public Long getAssessedCost() {
        return assessedCost;
    }

    public void setAssessedCost(Long assessedCost) {
        this.assessedCost = assessedCost;
    }
}
