package kz.qatysu.monitoring.domain;

import java.util.Locale;

/** Where the building of a funded project stands. */
public enum ImplementationStatus {
    /** Recorded, nothing done or paid yet. */
    PLANNED,
    /** Some progress, a milestone done or money contracted. */
    IN_PROGRESS,
    /** Finished: 100 % and every milestone done. */
    COMPLETED;

    /** e.g. {@code monitoring.status.in-progress}. */
    public String messageKey() {
        return "monitoring.status." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
