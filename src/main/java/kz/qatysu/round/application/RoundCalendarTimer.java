package kz.qatysu.round.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Level;
import java.util.logging.Logger;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Once a minute, moves rounds to the phase their calendar says (non-persistent: a missed tick is caught up next).
 * {@code qatysu.calendar.follow=false} stops it — the test run does, so that rounds the tests build with past
 * calendars stay where the tests put them; the tests call {@link RoundAdministration#followCalendars()} themselves.
 */
@Singleton
@Startup
public class RoundCalendarTimer {

    @EJB
    private RoundAdministration rounds;
    @Inject
    private Logger logger;
    @Inject
    @ConfigProperty(name = "qatysu.calendar.follow", defaultValue = "true")
    boolean follow;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void tick() {
        if (!follow) {
            return;
        }
        try {
            int steps = rounds.followCalendars();
            if (steps > 0) {
                logger.log(Level.INFO, "Calendar moved {0} round phase(s)", steps);
            }
        } catch (RuntimeException e) {
            logger.log(Level.SEVERE, "Following the round calendars failed; retried next minute", e);
        }
    }
}
