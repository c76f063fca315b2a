package kz.qatysu.monitoring.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.text.CleanText;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.territory.domain.KatoCode;

/**
 * How the building of one funded project goes: planned milestones, percentage done, money contracted and spent
 * (whole tenge), the planned and actual completion, and the history of every update, which the public timeline shows.
 *
 * <p>Rules (each refusal is a {@link DomainRuleViolation} with a {@code monitoring.error.*} key):
 * <ul>
 * <li>Only a {@link ProposalStatus#FUNDED FUNDED} proposal gets a record, only staff change it.</li>
 * <li>Percentage done is 0–100 and only goes up, unless a note says why it goes down (a defect found, say).</li>
 * <li>Money is never negative. Spent may exceed contracted, and contracted may exceed the assessed cost, only with a
 * note explaining it; the note stays on the record as long as either holds and is shown with the figures.</li>
 * <li>Status follows the facts: PLANNED until something is done, contracted or spent, then IN_PROGRESS; COMPLETED only
 * by {@link #complete} at 100 % with every milestone done. A completed record is closed: only photos may be added.</li>
 * <li>Overdue: not completed, and an open milestone's planned date or the planned completion has passed
 * ({@link #dueDate()} is the earliest of them, kept for the overdue query).</li>
 * </ul>
 */
@Entity
@Table(name = "implementation")
@NamedQuery(name = "Implementation.findByProposal",
        query = "select i from Implementation i where i.proposal.id = :proposalId")
@NamedQuery(name = "Implementation.findByProposals",
        query = "select i from Implementation i where i.proposal.id in :proposalIds")
public class Implementation {

    public static final int MAX_NOTE_LENGTH = 1_000;
    public static final int MAX_MILESTONES = 50;
    /** Ten trillion tenge: far above any local budget; refuses typing slips of many zeros. */
    public static final long MAX_MONEY = 10_000_000_000_000L;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private int version;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "proposal_id", nullable = false, updatable = false)
    private Proposal proposal;

    @Column(name = "territory_code", length = 9, nullable = false, updatable = false)
    private String territoryCode;

    @Column(name = "assessed_cost", nullable = false, updatable = false)
    private long assessedCost;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 12)
    private ImplementationStatus status;

    @Column(name = "percent_done", nullable = false)
    private int percentDone;

    @Column(name = "contracted", nullable = false)
    private long contracted;

    @Column(name = "spent", nullable = false)
    private long spent;

    @Column(name = "money_note", length = MAX_NOTE_LENGTH)
    private String moneyNote;

    @Column(name = "planned_completion", nullable = false)
    private LocalDate plannedCompletion;

    @Column(name = "completed_on")
    private LocalDate completedOn;

    @Column(name = "due_date")
    private LocalDate dueDate;

    @OneToMany(mappedBy = "implementation", cascade = CascadeType.ALL)
    @OrderBy("number")
    private List<Milestone> milestones = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "implementation_update", joinColumns = @JoinColumn(name = "implementation_id"))
    @OrderColumn(name = "seq")
    private List<ImplementationUpdate> history = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Implementation() {
        // for JPA
    }

    /**
     * Opens the record of a funded project.
     *
     * @throws DomainRuleViolation {@code monitoring.error.not-funded}, {@code monitoring.error.staff-only},
     *                             {@code monitoring.error.planned-completion} without a date
     */
    public static Implementation start(Proposal funded, LocalDate plannedCompletion, Actor actor, Instant now) {
        Objects.requireNonNull(funded, "funded");
        requireStaff(actor);
        if (funded.status() != ProposalStatus.FUNDED || funded.assessedCost().isEmpty()) {
            throw new DomainRuleViolation("monitoring.error.not-funded");
        }
        if (plannedCompletion == null) {
            throw new DomainRuleViolation("monitoring.error.planned-completion");
        }
        Implementation i = new Implementation();
        i.proposal = funded;
        i.territoryCode = funded.territory().value();
        i.assessedCost = funded.assessedCost().get();
        i.status = ImplementationStatus.PLANNED;
        i.plannedCompletion = plannedCompletion;
        i.createdAt = Objects.requireNonNull(now, "now");
        i.record(UpdateKind.STARTED, actor, now, null);
        return i;
    }

    // ---------------------------------------------------------------- staff's updates

    /**
     * Plans a milestone.
     *
     * @throws DomainRuleViolation {@code monitoring.error.milestone-title-blank|-too-long},
     *                             {@code monitoring.error.milestone-date}, {@code monitoring.error.milestone-count}
     */
    public Milestone planMilestone(String title, LocalDate plannedOn, Actor actor, Instant now) {
        requireOpen(actor);
        String cleaned = CleanText.required(title, Milestone.MAX_TITLE_LENGTH, false, "monitoring.error.milestone-title");
        if (plannedOn == null) {
            throw new DomainRuleViolation("monitoring.error.milestone-date");
        }
        if (milestones.size() >= MAX_MILESTONES) {
            throw new DomainRuleViolation("monitoring.error.milestone-count", MAX_MILESTONES);
        }
        Milestone m = new Milestone(this, milestones.size() + 1, cleaned, plannedOn);
        milestones.add(m);
        record(UpdateKind.MILESTONE_PLANNED, actor, now, cleaned);
        return m;
    }

    /**
     * Marks a milestone done on a day (today when {@code null}).
     *
     * @throws DomainRuleViolation {@code monitoring.error.milestone-unknown}, {@code monitoring.error.milestone-done},
     *                             {@code monitoring.error.done-in-future}
     */
    public void completeMilestone(int number, LocalDate doneOn, LocalDate today, Actor actor, Instant now) {
        requireOpen(actor);
        Milestone m = milestone(number).orElseThrow(() -> new DomainRuleViolation("monitoring.error.milestone-unknown"));
        if (m.isDone()) {
            throw new DomainRuleViolation("monitoring.error.milestone-done");
        }
        LocalDate on = doneOn == null ? today : doneOn;
        if (on.isAfter(today)) {
            throw new DomainRuleViolation("monitoring.error.done-in-future");
        }
        m.markDone(on);
        if (status == ImplementationStatus.PLANNED) {
            status = ImplementationStatus.IN_PROGRESS;
        }
        record(UpdateKind.MILESTONE_DONE, actor, now, m.title());
    }

    /**
     * Reports the percentage done and the money contracted and spent, with a note where the rules ask for one.
     *
     * @throws DomainRuleViolation {@code monitoring.error.percent-range}, {@code monitoring.error.percent-decrease-note},
     *                             {@code monitoring.error.money-negative}, {@code monitoring.error.money-too-large},
     *                             {@code monitoring.error.overspend-note}, {@code monitoring.error.over-assessed-note},
     *                             {@code monitoring.error.note-too-long}, {@code monitoring.error.nothing-changed}
     */
    public void reportProgress(int percent, long newContracted, long newSpent, String note, Actor actor, Instant now) {
        requireOpen(actor);
        if (percent < 0 || percent > 100) {
            throw new DomainRuleViolation("monitoring.error.percent-range");
        }
        if (newContracted < 0 || newSpent < 0) {
            throw new DomainRuleViolation("monitoring.error.money-negative");
        }
        if (newContracted > MAX_MONEY || newSpent > MAX_MONEY) {
            throw new DomainRuleViolation("monitoring.error.money-too-large");
        }
        String cleaned = CleanText.optional(note, MAX_NOTE_LENGTH, true, "monitoring.error.note");
        if (percent < percentDone && cleaned == null) {
            throw new DomainRuleViolation("monitoring.error.percent-decrease-note");
        }
        boolean overspent = newSpent > newContracted;
        boolean overAssessed = newContracted > assessedCost;
        if (overspent && cleaned == null && !(newSpent == spent && newContracted == contracted && moneyNote != null)) {
            throw new DomainRuleViolation("monitoring.error.overspend-note");
        }
        if (overAssessed && cleaned == null && !(newContracted == contracted && moneyNote != null)) {
            throw new DomainRuleViolation("monitoring.error.over-assessed-note");
        }
        if (percent == percentDone && newContracted == contracted && newSpent == spent && cleaned == null) {
            throw new DomainRuleViolation("monitoring.error.nothing-changed");
        }
        percentDone = percent;
        contracted = newContracted;
        spent = newSpent;
        if (cleaned != null) {
            moneyNote = cleaned;
        } else if (!overspent && !overAssessed) {
            moneyNote = null;
        }
        if (status == ImplementationStatus.PLANNED && (percent > 0 || newContracted > 0 || newSpent > 0)) {
            status = ImplementationStatus.IN_PROGRESS;
        }
        record(UpdateKind.PROGRESS, actor, now, cleaned);
    }

    /**
     * Moves the planned completion, with the reason.
     *
     * @throws DomainRuleViolation {@code monitoring.error.planned-completion}, {@code monitoring.error.note-blank|-too-long}
     */
    public void reschedule(LocalDate newCompletion, String reason, Actor actor, Instant now) {
        requireOpen(actor);
        if (newCompletion == null) {
            throw new DomainRuleViolation("monitoring.error.planned-completion");
        }
        String cleaned = CleanText.required(reason, MAX_NOTE_LENGTH, true, "monitoring.error.note");
        plannedCompletion = newCompletion;
        record(UpdateKind.RESCHEDULED, actor, now, cleaned);
    }

    /**
     * Records a photo that was stored for this implementation (possible after completion too).
     *
     * @param caption the photo's cleaned caption ({@link #cleanCaption})
     */
    public void photoAdded(String caption, Actor actor, Instant now) {
        requireStaff(actor);
        record(UpdateKind.PHOTO, actor, now, cleanCaption(caption));
    }

    /**
     * The project is finished.
     *
     * @throws DomainRuleViolation {@code monitoring.error.complete-percent} below 100 %,
     *                             {@code monitoring.error.complete-milestones} with an open milestone,
     *                             {@code monitoring.error.done-in-future}
     */
    public void complete(LocalDate on, LocalDate today, Actor actor, Instant now) {
        requireOpen(actor);
        if (percentDone != 100) {
            throw new DomainRuleViolation("monitoring.error.complete-percent");
        }
        if (milestones.stream().anyMatch(m -> !m.isDone())) {
            throw new DomainRuleViolation("monitoring.error.complete-milestones");
        }
        LocalDate day = on == null ? today : on;
        if (day.isAfter(today)) {
            throw new DomainRuleViolation("monitoring.error.done-in-future");
        }
        status = ImplementationStatus.COMPLETED;
        completedOn = day;
        record(UpdateKind.COMPLETED, actor, now, null);
    }

    /**
     * A photo caption as stored: one line, cleaned, 1–300 characters.
     *
     * @throws DomainRuleViolation {@code monitoring.error.caption-blank|-too-long}
     */
    public static String cleanCaption(String caption) {
        return CleanText.required(caption, ImplementationPhoto.MAX_CAPTION_LENGTH, false, "monitoring.error.caption");
    }

    // ---------------------------------------------------------------- internals

    private void requireOpen(Actor actor) {
        requireStaff(actor);
        if (status == ImplementationStatus.COMPLETED) {
            throw new DomainRuleViolation("monitoring.error.completed");
        }
    }

    private static void requireStaff(Actor actor) {
        if (!Objects.requireNonNull(actor, "actor").isStaff()) {
            throw new DomainRuleViolation("monitoring.error.staff-only");
        }
    }

    private void record(UpdateKind kind, Actor actor, Instant now, String detail) {
        updatedAt = Objects.requireNonNull(now, "now");
        dueDate = status == ImplementationStatus.COMPLETED ? null
                : Stream.concat(milestones.stream().filter(m -> !m.isDone()).map(Milestone::plannedOn),
                        Stream.of(plannedCompletion)).min(Comparator.naturalOrder()).orElseThrow();
        history.add(new ImplementationUpdate(kind, actor, now, status, percentDone, contracted, spent, detail));
    }

    // ---------------------------------------------------------------- reading

    public Long getId() {
        return id;
    }

    public Proposal proposal() {
        return proposal;
    }

    public KatoCode territory() {
        return KatoCode.of(territoryCode);
    }

    public long assessedCost() {
        return assessedCost;
    }

    public ImplementationStatus status() {
        return status;
    }

    public int percentDone() {
        return percentDone;
    }

    public long contracted() {
        return contracted;
    }

    public long spent() {
        return spent;
    }

    /** Spent exceeds contracted (explained by {@link #moneyNote()}). */
    public boolean isOverspent() {
        return spent > contracted;
    }

    /** Contracted exceeds the assessed cost (explained by {@link #moneyNote()}). */
    public boolean isOverAssessed() {
        return contracted > assessedCost;
    }

    public Optional<String> moneyNote() {
        return Optional.ofNullable(moneyNote);
    }

    public LocalDate plannedCompletion() {
        return plannedCompletion;
    }

    public Optional<LocalDate> completedOn() {
        return Optional.ofNullable(completedOn);
    }

    /** The earliest date something is due; empty once completed. */
    public Optional<LocalDate> dueDate() {
        return Optional.ofNullable(dueDate);
    }

    /** Not completed, and an open milestone or the completion is past its planned date. */
    public boolean isOverdue(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today);
    }

    public List<Milestone> milestones() {
        return List.copyOf(milestones);
    }

    public Optional<Milestone> milestone(int number) {
        return milestones.stream().filter(m -> m.number() == number).findFirst();
    }

    /** Every update, oldest first. */
    public List<ImplementationUpdate> history() {
        return List.copyOf(history);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
