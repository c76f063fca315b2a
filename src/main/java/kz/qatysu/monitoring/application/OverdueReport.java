package kz.qatysu.monitoring.application;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import kz.qatysu.monitoring.domain.ImplementationStatus;
import kz.qatysu.platform.text.LocalizedText;

/**
 * Overdue funded projects within a territory subtree, for the dashboard: counts of the subtree and one page of the
 * overdue projects, the longest overdue first.
 *
 * @param territory         the subtree's unit, {@code null} for the whole country
 * @param funded            funded projects in the subtree
 * @param monitored         of them, those with an implementation record
 * @param completed         of them, completed
 * @param overdue           of them, overdue on {@code today}
 * @param overdueByTerritory overdue projects per territory unit (the proposal's KATO code)
 */
public record OverdueReport(String territory, LocalDate today, long funded, long monitored, long completed,
                            long overdue, Map<String, Long> overdueByTerritory, List<OverdueProject> projects)
        implements Serializable {

    /** @param daysOverdue days since {@code dueDate} */
    public record OverdueProject(long proposalId, String title, String territoryCode, LocalizedText territoryName,
                                 ImplementationStatus status, int percentDone, LocalDate dueDate, long daysOverdue,
                                 long overdueMilestones, LocalDate plannedCompletion) implements Serializable {
    }
}
