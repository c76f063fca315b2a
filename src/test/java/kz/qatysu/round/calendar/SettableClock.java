package kz.qatysu.round.calendar;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The platform's clock in {@link RoundCalendarIT}'s archive: it stands still where the test puts it, so that phase
 * changes can be checked to the minute. Replaces the production clock by CDI priority (test archive only).
 */
@ApplicationScoped
public class SettableClock {

    /** A clock whose instant the test sets. */
    public static final class Hand extends Clock {
        private volatile Instant now = Instant.now();
        private final ZoneId zone;

        Hand(ZoneId zone) {
            this.zone = zone;
        }

        public void set(Instant instant) {
            this.now = instant;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            Hand copy = new Hand(other);
            copy.now = now;
            return copy;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hand hand = new Hand(ZoneId.of("Asia/Almaty"));

    public Hand hand() {
        return hand;
    }

    @Produces
    @Alternative
    @Priority(100)
    public Clock clock() {
        return hand;
    }
}
