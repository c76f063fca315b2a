package kz.qatysu.monitoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A planned step of an implementation ("Contract signed", "Foundations poured"), numbered from 1 within it. Part of
 * the {@link Implementation} aggregate: created and marked done only through it.
 */
@Entity
@Table(name = "implementation_milestone")
public class Milestone {

    public static final int MAX_TITLE_LENGTH = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "implementation_id", nullable = false, updatable = false)
    private Implementation implementation;

    @Column(name = "seq", nullable = false, updatable = false)
    private int number;

    @Column(name = "title", nullable = false, updatable = false, length = MAX_TITLE_LENGTH)
    private String title;

    @Column(name = "planned_on", nullable = false, updatable = false)
    private LocalDate plannedOn;

    @Column(name = "done_on")
    private LocalDate doneOn;

    protected Milestone() {
        // for JPA
    }

    Milestone(Implementation implementation, int number, String title, LocalDate plannedOn) {
        this.implementation = implementation;
        this.number = number;
        this.title = title;
        this.plannedOn = plannedOn;
    }

    void markDone(LocalDate on) {
        this.doneOn = on;
    }

    /** 1 for the first milestone planned, 2 for the second … */
    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    public LocalDate plannedOn() {
        return plannedOn;
    }

    public Optional<LocalDate> doneOn() {
        return Optional.ofNullable(doneOn);
    }

    public boolean isDone() {
        return doneOn != null;
    }

    /** Not done and its planned date has passed. */
    public boolean isOverdue(LocalDate today) {
        return doneOn == null && plannedOn.isBefore(today);
    }
}
