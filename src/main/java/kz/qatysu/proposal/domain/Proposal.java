package kz.qatysu.proposal.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.text.CleanText;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.territory.domain.KatoCode;

/**
 * A project put forward for a budget round by a resident or a local community meeting. The lifecycle is a state
 * machine on the entity ({@link ProposalStatus}); every change is kept in the history and produces a
 * {@link Notification} for a citizen author. Staff's territorial scope is checked by the services against
 * {@link #territory()}.
 */
@Entity
@Table(name = "proposal")
@NamedQuery(name = "Proposal.findByRound",
        query = "select p from Proposal p where p.round = :round order by p.id")
@NamedQuery(name = "Proposal.findByRoundAndStatus",
        query = "select p from Proposal p where p.round = :round and p.status = :status order by p.submittedAt, p.id")
@NamedQuery(name = "Proposal.findByAuthor",
        query = "select p from Proposal p where p.proposer.citizenId = :citizenId order by p.createdAt desc")
@NamedQuery(name = "Proposal.findByMeeting",
        query = "select p from Proposal p where p.proposer.meetingId = :meetingId order by p.id")
@NamedQuery(name = "Proposal.findQueueInTerritory",
        query = "select p from Proposal p where p.territoryCode like :katoPrefix and p.status = :status"
                + " order by p.submittedAt, p.id")
public class Proposal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "round_id", nullable = false, updatable = false)
    private BudgetRound round;

    @Column(name = "territory_code", length = 9, nullable = false, updatable = false)
    private String territoryCode;

    @Embedded
    private Proposer proposer;

    @ElementCollection
    @CollectionTable(name = "proposal_co_proposer", joinColumns = @JoinColumn(name = "proposal_id"))
    @Column(name = "bin", length = 12, nullable = false)
    private Set<String> coProposerBins = new TreeSet<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 30)
    private ProposalStatus status;

    @Column(name = "title", nullable = false, length = ProposalTitle.MAX_LENGTH)
    private String title;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "category_code", nullable = false, length = 40)
    private String categoryCode;

    @Embedded
    private ProposalLocation location;

    @ElementCollection
    @CollectionTable(name = "proposal_cost_line", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "line_no")
    private List<CostLine> costLines = new ArrayList<>();

    @Column(name = "estimated_cost", nullable = false)
    private long estimatedCost;

    @Column(name = "assessed_cost")
    private Long assessedCost;

    @Enumerated(EnumType.STRING)
    @Column(name = "rejection_reason", length = 40)
    private RejectionReason rejectionReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "infeasibility_reason", length = 40)
    private InfeasibilityReason infeasibilityReason;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "merged_into_id")
    private Proposal mergedInto;

    @ElementCollection
    @CollectionTable(name = "proposal_status_change", joinColumns = @JoinColumn(name = "proposal_id"))
    @OrderColumn(name = "seq")
    private List<StatusChange> history = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Status changes not yet turned into notifications (the id is known only once the proposal is stored). */
    @Transient
    private List<StatusChange> pendingNotifications = new ArrayList<>();

    protected Proposal() {
        // for JPA
    }

    /**
     * A draft for a round, by a citizen living in the round's territory or by a meeting held in it.
     *
     * @param proposerTerritory where the citizen lives (registry KATO) or where the meeting was held
     * @throws DomainRuleViolation {@code round.error.not-resident}, {@code proposal.error.round-not-accepting},
     *                             {@code proposal.error.not-proposer} or a content refusal
     */
    public static Proposal draft(BudgetRound round, Proposer proposer, KatoCode proposerTerritory,
                                 ProposalContent content, Actor actor, Instant now) {
        Objects.requireNonNull(round, "round");
        Objects.requireNonNull(proposer, "proposer");
        Objects.requireNonNull(now, "now");
        if (!proposer.isActedForBy(Objects.requireNonNull(actor, "actor"))) {
            throw new DomainRuleViolation("proposal.error.not-proposer");
        }
        round.requireResident(proposerTerritory);
        if (round.phase().compareTo(Phase.PROPOSAL_SUBMISSION) > 0) {
            throw new DomainRuleViolation("proposal.error.round-not-accepting");
        }
        Proposal p = new Proposal();
        p.round = round;
        p.territoryCode = round.territory().value();
        p.proposer = proposer;
        p.createdAt = now;
        p.updatedAt = now;
        p.apply(content);
        p.status = ProposalStatus.DRAFT;
        p.history.add(new StatusChange(null, ProposalStatus.DRAFT, actor, null, now));
        return p;
    }

    // ---------------------------------------------------------------- proposer's actions

    /**
     * New content, while a draft or returned for changes.
     *
     * @throws DomainRuleViolation {@code proposal.error.not-editable}, {@code proposal.error.not-proposer}
     */
    public void edit(ProposalContent content, Actor actor, Instant now) {
        if (!status.isEditable()) {
            throw new DomainRuleViolation("proposal.error.not-editable");
        }
        requireProposer(actor);
        apply(content);
        updatedAt = Objects.requireNonNull(now, "now");
    }

    /**
     * Submits a draft during proposal submission, or resubmits a returned proposal before voting.
     *
     * @throws DomainRuleViolation {@code proposal.error.submission-closed} outside those phases
     */
    public void submit(Actor actor, Instant now) {
        requireTransition(ProposalStatus.SUBMITTED);
        requireProposer(actor);
        boolean open = status == ProposalStatus.DRAFT
                ? round.phase() == Phase.PROPOSAL_SUBMISSION
                : round.phase().isBefore(Phase.VOTING);
        if (!open) {
            throw new DomainRuleViolation("proposal.error.submission-closed");
        }
        requireCostWithinRound(estimatedCost);
        submittedAt = now;
        move(ProposalStatus.SUBMITTED, actor, null, now);
    }

    /** Withdraws the proposal; possible until moderation ends. */
    public void withdraw(Actor actor, Instant now) {
        requireTransition(ProposalStatus.WITHDRAWN);
        requireProposer(actor);
        move(ProposalStatus.WITHDRAWN, actor, null, now);
    }

    // ---------------------------------------------------------------- support

    /** A submitted proposal of a round that collects support starts collecting it. */
    public void openSupportCollection(Actor actor, Instant now) {
        requireTransition(ProposalStatus.SUPPORT_COLLECTION);
        requireStaffOrSystem(actor);
        if (!round.collectsSupport()) {
            throw new DomainRuleViolation("proposal.error.round-without-support");
        }
        move(ProposalStatus.SUPPORT_COLLECTION, actor, null, now);
    }

    /**
     * Support collection ends: with at least the round's threshold of supporters the proposal goes to moderation,
     * otherwise it is rejected for insufficient support.
     */
    public void closeSupportCollection(long supporters, Actor actor, Instant now) {
        if (status != ProposalStatus.SUPPORT_COLLECTION) {
            throw new IllegalProposalTransition(status, ProposalStatus.UNDER_MODERATION);
        }
        requireStaffOrSystem(actor);
        if (supporters < 0) {
            throw new IllegalArgumentException("supporters");
        }
        if (supporters >= round.supportThreshold().orElse(0)) {
            move(ProposalStatus.UNDER_MODERATION, actor, null, now);
        } else {
            rejectionReason = RejectionReason.INSUFFICIENT_SUPPORT;
            move(ProposalStatus.REJECTED, actor, null, now);
        }
    }

    // ---------------------------------------------------------------- moderation

    /**
     * A moderator takes up a submitted proposal. In rounds that collect support, a first submission goes through
     * support collection first (and leaves it only by {@link #closeSupportCollection}); a resubmission after changes
     * comes straight back.
     */
    public void startModeration(Actor moderator, Instant now) {
        requireTransition(ProposalStatus.UNDER_MODERATION);
        requireStaff(moderator);
        if (status == ProposalStatus.SUPPORT_COLLECTION || (round.collectsSupport() && !hasPassedSupport())) {
            throw new DomainRuleViolation("proposal.error.support-pending");
        }
        move(ProposalStatus.UNDER_MODERATION, moderator, null, now);
    }

    /** @throws DomainRuleViolation {@code proposal.error.comment-required} without a comment */
    public void returnForChanges(String comment, Actor moderator, Instant now) {
        requireTransition(ProposalStatus.RETURNED_FOR_CHANGES);
        requireStaff(moderator);
        String cleaned = requiredComment(comment);
        move(ProposalStatus.RETURNED_FOR_CHANGES, moderator, cleaned, now);
    }

    public void accept(Actor moderator, Instant now) {
        requireTransition(ProposalStatus.ACCEPTED);
        requireStaff(moderator);
        move(ProposalStatus.ACCEPTED, moderator, null, now);
    }

    public void reject(RejectionReason reason, String comment, Actor moderator, Instant now) {
        requireTransition(ProposalStatus.REJECTED);
        requireStaff(moderator);
        Objects.requireNonNull(reason, "reason");
        String cleaned = optionalComment(comment);
        rejectionReason = reason;
        move(ProposalStatus.REJECTED, moderator, cleaned, now);
    }

    /**
     * Merges this proposal into a duplicate that continues: another live proposal of the same round.
     *
     * @throws DomainRuleViolation {@code proposal.error.merge-target}
     */
    public void mergeInto(Proposal survivor, String comment, Actor moderator, Instant now) {
        requireTransition(ProposalStatus.MERGED);
        requireStaff(moderator);
        Objects.requireNonNull(survivor, "survivor");
        boolean sameRound = survivor.round == round
                || (round.getId() != null && round.getId().equals(survivor.round.getId()));
        boolean self = survivor == this || (id != null && id.equals(survivor.id));
        boolean alive = switch (survivor.status) {
            case UNDER_MODERATION, ACCEPTED, UNDER_REVIEW, FEASIBLE -> true;
            default -> false;
        };
        if (self || !sameRound || !alive) {
            throw new DomainRuleViolation("proposal.error.merge-target");
        }
        String cleaned = optionalComment(comment);
        mergedInto = survivor;
        move(ProposalStatus.MERGED, moderator, cleaned, now);
    }

    // ---------------------------------------------------------------- expert review

    public void startReview(Actor reviewer, Instant now) {
        requireTransition(ProposalStatus.UNDER_REVIEW);
        requireStaff(reviewer);
        move(ProposalStatus.UNDER_REVIEW, reviewer, null, now);
    }

    /**
     * The expert council finds the project feasible at an assessed cost, the cost that appears on the ballot.
     *
     * @throws DomainRuleViolation {@code proposal.error.assessed-cost} when not positive,
     *                             {@code proposal.error.assessed-cost-over-cap} above what the round allows
     */
    public void markFeasible(long cost, String comment, Actor reviewer, Instant now) {
        requireTransition(ProposalStatus.FEASIBLE);
        requireStaff(reviewer);
        if (cost <= 0) {
            throw new DomainRuleViolation("proposal.error.assessed-cost");
        }
        if (cost > round.maximumProjectCost(categoryCode)) {
            throw new DomainRuleViolation("proposal.error.assessed-cost-over-cap");
        }
        String cleaned = optionalComment(comment);
        assessedCost = cost;
        move(ProposalStatus.FEASIBLE, reviewer, cleaned, now);
    }

    public void markInfeasible(InfeasibilityReason reason, String comment, Actor reviewer, Instant now) {
        requireTransition(ProposalStatus.INFEASIBLE);
        requireStaff(reviewer);
        Objects.requireNonNull(reason, "reason");
        String cleaned = optionalComment(comment);
        infeasibilityReason = reason;
        move(ProposalStatus.INFEASIBLE, reviewer, cleaned, now);
    }

    // ---------------------------------------------------------------- ballot and result

    /** @throws DomainRuleViolation {@code proposal.error.ballot-closed} once voting has opened */
    public void placeOnBallot(Actor actor, Instant now) {
        requireTransition(ProposalStatus.ON_BALLOT);
        requireStaffOrSystem(actor);
        if (!round.phase().isBefore(Phase.VOTING)) {
            throw new DomainRuleViolation("proposal.error.ballot-closed");
        }
        move(ProposalStatus.ON_BALLOT, actor, null, now);
    }

    /** @throws DomainRuleViolation {@code proposal.error.result-too-early} before counting */
    public void recordResult(boolean funded, Actor actor, Instant now) {
        ProposalStatus target = funded ? ProposalStatus.FUNDED : ProposalStatus.NOT_FUNDED;
        requireTransition(target);
        requireStaffOrSystem(actor);
        if (round.phase().isBefore(Phase.COUNTING)) {
            throw new DomainRuleViolation("proposal.error.result-too-early");
        }
        move(target, actor, null, now);
    }

    // ---------------------------------------------------------------- internals

    private void apply(ProposalContent content) {
        Objects.requireNonNull(content, "content");
        if (!round.hasCategory(content.categoryCode())) {
            throw new DomainRuleViolation("proposal.error.category-unknown");
        }
        long total = content.cost().total();
        if (total > round.maximumProjectCost(content.categoryCode())) {
            throw new DomainRuleViolation("proposal.error.cost-over-cap", round.maximumProjectCost(content.categoryCode()));
        }
        title = content.title().value();
        description = content.description().value();
        categoryCode = content.categoryCode();
        location = content.location();
        costLines.clear();
        costLines.addAll(content.cost().lines());
        estimatedCost = total;
        coProposerBins.clear();
        coProposerBins.addAll(content.coProposers().stream().map(Bin::value).collect(Collectors.toSet()));
    }

    private void requireCostWithinRound(long total) {
        if (total > round.maximumProjectCost(categoryCode)) {
            throw new DomainRuleViolation("proposal.error.cost-over-cap", round.maximumProjectCost(categoryCode));
        }
    }

    private void requireTransition(ProposalStatus target) {
        if (!status.canMoveTo(target)) {
            throw new IllegalProposalTransition(status, target);
        }
    }

    private void requireProposer(Actor actor) {
        if (!proposer.isActedForBy(Objects.requireNonNull(actor, "actor"))) {
            throw new DomainRuleViolation("proposal.error.not-proposer");
        }
    }

    private static void requireStaff(Actor actor) {
        if (!Objects.requireNonNull(actor, "actor").isStaff()) {
            throw new DomainRuleViolation("proposal.error.staff-only");
        }
    }

    private static void requireStaffOrSystem(Actor actor) {
        if (Objects.requireNonNull(actor, "actor").kind() == Actor.Kind.CITIZEN) {
            throw new DomainRuleViolation("proposal.error.staff-only");
        }
    }

    private static String requiredComment(String comment) {
        return CleanText.required(comment, StatusChange.MAX_COMMENT_LENGTH, true, "proposal.error.comment");
    }

    private static String optionalComment(String comment) {
        return CleanText.optional(comment, StatusChange.MAX_COMMENT_LENGTH, true, "proposal.error.comment");
    }

    private boolean hasPassedSupport() {
        return history.stream().anyMatch(c -> c.from().orElse(null) == ProposalStatus.SUPPORT_COLLECTION
                && c.to() == ProposalStatus.UNDER_MODERATION);
    }

    private void move(ProposalStatus target, Actor actor, String comment, Instant now) {
        Objects.requireNonNull(now, "now");
        ProposalStatus from = status;
        status = target;
        updatedAt = now;
        StatusChange change = new StatusChange(from, target, actor, comment, now);
        history.add(change);
        if (proposer.citizenId().isPresent()) {
            pendingNotifications.add(change);
        }
    }

    /**
     * Notifications for the citizen author about the status changes since the last call, oldest first; none for a
     * meeting's proposal. Call after the proposal is stored so that they carry its id. The list is emptied.
     */
    public List<Notification> pullNotifications() {
        List<Notification> out = new ArrayList<>();
        proposer.citizenId().ifPresent(author -> pendingNotifications.forEach(c -> out.add(new Notification(
                id, author, c.from().orElse(null), c.to(), "proposal.notification." + c.to().code(),
                c.comment().orElse(null), c.at()))));
        pendingNotifications.clear();
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- reading

    public Long getId() {
        return id;
    }

    public BudgetRound round() {
        return round;
    }

    public KatoCode territory() {
        return KatoCode.of(territoryCode);
    }

    public Proposer proposer() {
        return proposer;
    }

    public Set<Bin> coProposers() {
        return coProposerBins.stream().map(Bin::new).collect(Collectors.toUnmodifiableSet());
    }

    public ProposalStatus status() {
        return status;
    }

    public ProposalTitle title() {
        return new ProposalTitle(title);
    }

    public ProposalDescription description() {
        return new ProposalDescription(description);
    }

    public String categoryCode() {
        return categoryCode;
    }

    public ProposalLocation location() {
        return location;
    }

    public CostEstimate costEstimate() {
        return new CostEstimate(costLines, estimatedCost);
    }

    public long estimatedCost() {
        return estimatedCost;
    }

    public Optional<Long> assessedCost() {
        return Optional.ofNullable(assessedCost);
    }

    public Optional<RejectionReason> rejectionReason() {
        return Optional.ofNullable(rejectionReason);
    }

    public Optional<InfeasibilityReason> infeasibilityReason() {
        return Optional.ofNullable(infeasibilityReason);
    }

    public Optional<Proposal> mergedInto() {
        return Optional.ofNullable(mergedInto);
    }

    public List<StatusChange> history() {
        return List.copyOf(history);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> submittedAt() {
        return Optional.ofNullable(submittedAt);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
