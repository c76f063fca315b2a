package kz.qatysu.monitoring.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Monitoring settings from MicroProfile Config ({@code qatysu.monitoring.*}, or {@code QATYSU_MONITORING_MAX_PHOTOS}
 * in the environment). Bytes and pixels per photo follow the attachment limits ({@code qatysu.attachments.*}).
 */
@ApplicationScoped
public class MonitoringSettings {

    @Inject
    @ConfigProperty(name = "qatysu.monitoring.max-photos", defaultValue = "30")
    int maxPhotos;

    /** How many photos one project's implementation may carry. */
    public int maxPhotos() {
        return Math.max(1, maxPhotos);
    }
}
