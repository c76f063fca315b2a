package kz.qatysu.monitoring.application;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import kz.qatysu.monitoring.domain.ImplementationStatus;
import kz.qatysu.platform.text.LocalizedText;

/**
 * A funded project in the staff list; {@code status} and the figures are {@code null} while monitoring has not started.
 */
public record ImplementationRow(long proposalId, String title, String territoryCode, LocalizedText territoryName,
                                long assessedCost, ImplementationStatus status, Integer percentDone, LocalDate dueDate,
                                boolean overdue, Instant updatedAt) implements Serializable {
}
