package kz.qatysu.round.application;

import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.logging.Level;
import java.util.logging.Logger;
import jakarta.inject.Inject;

/** Once a minute, moves rounds to the phase their calendar says (non-persistent: a missed tick is caught up next). */
@Singleton
@Startup
public class RoundCalendarTimer {

    @EJB
    private RoundAdministration rounds;
    @Inject
    private Logger logger;

    @Schedule(minute = "*", hour = "*", persistent = false)
    void tick() {
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
