package kz.qatysu.proposal.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import kz.qatysu.audit.application.AuditTrail;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.proposal.domain.InfeasibilityReason;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.proposal.domain.RejectionReason;
import kz.qatysu.staff.application.StaffService;
import kz.qatysu.staff.domain.StaffScope;
import kz.qatysu.territory.application.TerritoryRepository;

/**
 * The akimat's decisions on proposals: moderation (accept, return for changes, merge duplicates, reject) by
 * moderators, feasibility review by the expert council. Every method checks that the caller's territorial scope
 * covers the proposal's territory — a crafted request for another district is refused with {@link AccessRefused}
 * and changes nothing — records the action in the audit log and notifies the author.
 */
@Stateless
public class ProposalDecisions {

    /** A row of a staff queue. */
    public record QueueItem(long id, long roundId, String territory, String title, String category, String status,
                            long estimatedCost, Long assessedCost, java.time.Instant submittedAt,
                            LocalisedName territoryName, LocalisedName categoryName) implements Serializable {
    }

    public record Queue(List<QueueItem> items, long total) {
    }

    @Resource
    private SessionContext session;
    @Inject
    private ProposalRepository proposals;
    @EJB
    private StaffService staff;
    @EJB
    private AuditTrail audit;
    @Inject
    private TerritoryRepository territories;
    @Inject
    private Clock clock;

    // ---------------------------------------------------------------- reading

    /** Proposals in one status within the caller's scope, oldest submission first. */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ADMIN})
    public Queue queue(ProposalStatus status, int first, int size) {
        StaffScope scope = staff.callerScope();
        List<QueueItem> items = proposals.queue(scope, status, Math.max(0, first), Math.clamp(size, 1, 200)).stream()
                .map(p -> new QueueItem(p.getId(), p.round().getId(), p.territory().value(), p.title().value(),
                        p.categoryCode(), p.status().name(), p.estimatedCost(), p.assessedCost().orElse(null),
                        p.submittedAt().orElse(null), territoryName(p), categoryName(p)))
                .toList();
        return new Queue(items, proposals.queueSize(scope, status));
    }

    /** How many proposals of the caller's scope are in each status. */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ADMIN})
    public Map<ProposalStatus, Long> counts() {
        return proposals.countsByStatus(staff.callerScope());
    }

    /** One proposal of the caller's scope with its history. */
    @RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ADMIN})
    public StaffProposalView proposal(long id) {
        Proposal p = proposals.find(id).orElseThrow(() -> new NotFound("proposal " + id));
        staff.requireScope(p.territory());
        return view(p, territoryName(p), categoryName(p));
    }

    // ---------------------------------------------------------------- moderation

    @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
    public void startModeration(long id) {
        decide(id, "proposal.moderation.start", (p) -> p.startModeration(caller(), clock.instant()));
    }

    @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
    public void accept(long id) {
        decide(id, "proposal.moderation.accept", (p) -> p.accept(caller(), clock.instant()));
    }

    @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
    public void returnForChanges(long id, String comment) {
        decide(id, "proposal.moderation.return", (p) -> p.returnForChanges(comment, caller(), clock.instant()));
    }

    @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
    public void reject(long id, RejectionReason reason, String comment) {
        if (reason == null || reason == RejectionReason.INSUFFICIENT_SUPPORT) {
            throw new DomainRuleViolation("proposal.error.rejection-reason");
        }
        decide(id, "proposal.moderation.reject", (p) -> p.reject(reason, comment, caller(), clock.instant()));
    }

    /** Merges a duplicate into the proposal that continues; both must be within the caller's scope. */
    @RolesAllowed({Roles.MODERATOR, Roles.ADMIN})
    public void merge(long duplicateId, long survivorId, String comment) {
        Proposal survivor = proposals.find(survivorId)
                .orElseThrow(() -> new DomainRuleViolation("proposal.error.merge-target"));
        staff.requireScope(survivor.territory());
        decide(duplicateId, "proposal.moderation.merge", (p) -> p.mergeInto(survivor, comment, caller(), clock.instant()));
    }

    // ---------------------------------------------------------------- expert review

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    public void startReview(long id) {
        decide(id, "proposal.review.start", (p) -> p.startReview(caller(), clock.instant()));
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    public void markFeasible(long id, Long assessedCost, String comment) {
        if (assessedCost == null) {
            throw new DomainRuleViolation("proposal.error.assessed-cost");
        }
        decide(id, "proposal.review.feasible", (p) -> p.markFeasible(assessedCost, comment, caller(), clock.instant()));
    }

    @RolesAllowed({Roles.REVIEWER, Roles.ADMIN})
    public void markInfeasible(long id, InfeasibilityReason reason, String comment) {
        if (reason == null) {
            throw new DomainRuleViolation("proposal.error.infeasibility-reason");
        }
        decide(id, "proposal.review.infeasible", (p) -> p.markInfeasible(reason, comment, caller(), clock.instant()));
    }

    // ---------------------------------------------------------------- internals

    private void decide(long id, String action, Consumer<Proposal> decision) {
        Proposal p = proposals.lock(id);
        staff.requireScope(p.territory());
        var before = ProposalSnapshots.of(p);
        decision.accept(p);
        proposals.storeNotifications(p);
        audit.record(caller(), action, "Proposal", p.getId(), before, ProposalSnapshots.of(p));
    }

    private Actor caller() {
        return Actor.staff(session.getCallerPrincipal().getName());
    }

    private LocalisedName territoryName(Proposal p) {
        return territories.find(p.territory()).map(t -> new LocalisedName(t.nameKk(), t.nameRu(), t.nameEn()))
                .orElseGet(() -> LocalisedName.unnamed(p.territory().value()));
    }

    private static LocalisedName categoryName(Proposal p) {
        return p.round().categories().stream().filter(c -> c.code().equals(p.categoryCode())).findFirst()
                .map(c -> new LocalisedName(c.nameKk(), c.nameRu(), c.nameEn()))
                .orElseGet(() -> LocalisedName.unnamed(p.categoryCode()));
    }

    static StaffProposalView view(Proposal p, LocalisedName territoryName, LocalisedName categoryName) {
        return new StaffProposalView(p.getId(), p.round().getId(), p.territory().value(), p.status().name(),
                p.title().value(), p.description().value(), p.categoryCode(), p.location().address(),
                p.location().latitude().orElse(null), p.location().longitude().orElse(null),
                p.costEstimate().lines().stream()
                        .map(l -> new ProposalForm.Line(l.description(), l.quantity(), l.unitPrice())).toList(),
                p.estimatedCost(), p.assessedCost().orElse(null),
                p.coProposers().stream().map(b -> b.value()).sorted().toList(),
                p.proposer().citizenId().isPresent() ? "CITIZEN" : "MEETING", p.proposer().meetingId().orElse(null),
                p.submittedAt().orElse(null), p.rejectionReason().map(Enum::name).orElse(null),
                p.infeasibilityReason().map(Enum::name).orElse(null), p.mergedInto().map(Proposal::getId).orElse(null),
                p.history().stream().map(c -> new StaffProposalView.HistoryItem(c.from().map(Enum::name).orElse(null),
                        c.to().name(), c.actor().stored(), c.comment().orElse(null), c.at())).toList(),
                p.status().next().stream().map(Enum::name).toList(), territoryName, categoryName);
    }
}
