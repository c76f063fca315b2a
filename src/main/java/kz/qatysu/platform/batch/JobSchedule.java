package kz.qatysu.platform.batch;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Starts the jobs on their schedules (non-persistent EJB timers: a tick missed while no server ran is simply the next
 * one) and, at start-up, recovers executions a crashed server left running. A job's schedule is
 * {@code qatysu.jobs.<job>.schedule}: {@code daily HH:MM} (in {@code qatysu.time-zone}), {@code every <ISO-8601
 * duration>} such as {@code every PT1M}, or {@code off}. Every server runs the timers; the job lock lets one
 * execution run at a time.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class JobSchedule {

    private static final String RECOVERY = "recovery";
    private static final Logger LOGGER = Logger.getLogger(JobSchedule.class.getName());

    @Resource
    private TimerService timers;
    @Inject
    private BatchJobs jobs;
    @Inject
    private JobRepositoryRepair repair;
    @Inject
    private Config config;

    @PostConstruct
    void schedule() {
        String zone = config.getOptionalValue("qatysu.time-zone", String.class).orElse("Asia/Almaty");
        for (String job : BatchJobs.JOBS) {
            String key = "qatysu.jobs." + job + ".schedule";
            String schedule = config.getOptionalValue(key, String.class).orElse("off").strip();
            try {
                describe(job, schedule, zone);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(key + " = '" + schedule + "': " + e.getMessage()
                        + " (expected 'daily HH:MM', 'every PT…' or 'off')", e);
            }
        }
        // Recovery waits until the application is deployed: the batch runtime resolves its artifacts then.
        Duration delay = parseDuration(config.getOptionalValue("qatysu.jobs.recovery-delay", String.class)
                .orElse("PT10S"));
        timers.createSingleActionTimer(delay.toMillis(), new TimerConfig(RECOVERY, false));
    }

    private void describe(String job, String schedule, String zone) {
        String lower = schedule.toLowerCase(Locale.ROOT);
        TimerConfig info = new TimerConfig(job, false);
        if (lower.equals("off")) {
            LOGGER.log(Level.INFO, "Job {0}: no schedule", job);
        } else if (lower.startsWith("daily ")) {
            LocalTime at = parseTime(schedule.substring(6).strip());
            timers.createCalendarTimer(new ScheduleExpression().hour(at.getHour()).minute(at.getMinute()).second(0)
                    .timezone(zone), info);
            LOGGER.log(Level.INFO, "Job {0}: daily at {1} ({2})", new Object[]{job, at, zone});
        } else if (lower.startsWith("every ")) {
            Duration every = parseDuration(schedule.substring(6).strip());
            timers.createIntervalTimer(every.toMillis(), every.toMillis(), info);
            LOGGER.log(Level.INFO, "Job {0}: every {1}", new Object[]{job, every});
        } else {
            throw new IllegalArgumentException("unknown schedule");
        }
    }

    private static LocalTime parseTime(String text) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time of day", e);
        }
    }

    private static Duration parseDuration(String text) {
        try {
            Duration d = Duration.parse(text);
            if (d.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("shorter than a second");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 duration", e);
        }
    }

    @Timeout
    void tick(Timer timer) {
        String job = (String) timer.getInfo();
        if (RECOVERY.equals(job)) {
            recoverAll();
            return;
        }
        try {
            jobs.start(job, new Properties());
        } catch (RuntimeException e) {
            LOGGER.log(Level.SEVERE, "Scheduled start of job " + job + " failed; tried again at its next tick", e);
        }
    }

    /** Restarts what a crashed server left running (also called by the tests after they killed a server). */
    public void recoverAll() {
        for (String job : BatchJobs.JOBS) {
            try {
                jobs.recover(job, repair);
            } catch (RuntimeException e) {
                LOGGER.log(Level.SEVERE, "Recovering job " + job + " failed", e);
            }
        }
    }
}
