package kz.qatysu.monitoring.application;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import kz.qatysu.monitoring.domain.ImplementationStatus;
import kz.qatysu.monitoring.domain.UpdateKind;
import kz.qatysu.platform.text.LocalizedText;

/**
 * A funded project's implementation as the staff editor and the public timeline show it. {@code started} is false
 * (and the figures empty) while no record has been opened. In the public form no update carries an actor.
 *
 * @param overdue not completed and a milestone or the completion is past its planned date
 */
public record ImplementationView(long proposalId, String title, String territoryCode, LocalizedText territoryName,
                                 long assessedCost, boolean started, ImplementationStatus status, int percentDone,
                                 long contracted, long spent, String moneyNote, boolean overspent,
                                 boolean overAssessed, LocalDate plannedCompletion, LocalDate completedOn,
                                 LocalDate dueDate, boolean overdue, Instant lastUpdate, List<MilestoneView> milestones,
                                 List<PhotoView> photos, List<UpdateView> history) implements Serializable {

    public record MilestoneView(int number, String title, LocalDate plannedOn, LocalDate doneOn, boolean overdue)
            implements Serializable {
    }

    public record PhotoView(long id, String caption, Instant uploadedAt) implements Serializable {
    }

    /** @param actor the staff member's stored form ({@code staff:login}) for staff; {@code null} for the public */
    public record UpdateView(Instant at, UpdateKind kind, String actor, ImplementationStatus status, int percentDone,
                             long contracted, long spent, String detail) implements Serializable {
    }

    /** Every milestone done or not. */
    public long milestonesDone() {
        return milestones.stream().filter(m -> m.doneOn() != null).count();
    }

    /** Newest update first, as a timeline reads. */
    public List<UpdateView> timeline() {
        return history.reversed();
    }
}
