package kz.qatysu.monitoring.domain;

import java.util.Locale;

/** What one entry of an implementation's history records. */
public enum UpdateKind {
    STARTED, MILESTONE_PLANNED, MILESTONE_DONE, PROGRESS, PHOTO, RESCHEDULED, COMPLETED;

    /** e.g. {@code monitoring.update.milestone-done}. */
    public String messageKey() {
        return "monitoring.update." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
