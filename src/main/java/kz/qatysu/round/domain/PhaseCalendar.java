package kz.qatysu.round.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kz.qatysu.platform.domain.DomainRuleViolation;

/**
 * When each phase of a round starts, and the time zone the dates were set in. A round is in drafting until proposal
 * submission starts; every later phase has a start (support collection only in rounds that collect support), starts
 * strictly increase in phase order, and each phase lasts over the half-open interval from its start to the next one.
 */
public final class PhaseCalendar {

    private final ZoneId zone;
    private final EnumMap<Phase, Instant> starts;

    private PhaseCalendar(ZoneId zone, EnumMap<Phase, Instant> starts) {
        this.zone = zone;
        this.starts = starts;
    }

    /**
     * A calendar from instants.
     *
     * @throws DomainRuleViolation {@code round.error.calendar-incomplete} when a phase after drafting has no start
     *                             (support collection excepted), {@code round.error.calendar-order} when starts do
     *                             not strictly increase
     */
    public static PhaseCalendar of(ZoneId zone, Map<Phase, Instant> starts) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(starts, "starts");
        if (starts.containsKey(Phase.DRAFTING)) {
            throw new DomainRuleViolation("round.error.calendar-drafting");
        }
        EnumMap<Phase, Instant> copy = new EnumMap<>(Phase.class);
        Instant previous = null;
        for (Phase phase : Phase.values()) {
            if (phase == Phase.DRAFTING) {
                continue;
            }
            Instant start = starts.get(phase);
            if (start == null) {
                if (phase == Phase.SUPPORT_COLLECTION) {
                    continue;
                }
                throw new DomainRuleViolation("round.error.calendar-incomplete", phase.messageKey());
            }
            if (previous != null && !start.isAfter(previous)) {
                throw new DomainRuleViolation("round.error.calendar-order", phase.messageKey());
            }
            copy.put(phase, start);
            previous = start;
        }
        return new PhaseCalendar(zone, copy);
    }

    /** A calendar from local dates and times in a zone (Asia/Almaty for most of the country). */
    public static PhaseCalendar ofLocal(ZoneId zone, Map<Phase, LocalDateTime> localStarts) {
        EnumMap<Phase, Instant> starts = new EnumMap<>(Phase.class);
        localStarts.forEach((phase, local) -> starts.put(phase, ZonedDateTime.of(local, zone).toInstant()));
        return of(zone, starts);
    }

    /** Parses a stored zone id. */
    static ZoneId zone(String zoneId) {
        try {
            return ZoneId.of(zoneId);
        } catch (DateTimeException | NullPointerException e) {
            throw new DomainRuleViolation("round.error.calendar-zone");
        }
    }

    /** The phase the calendar gives at an instant: drafting before submission starts. */
    public Phase phaseAt(Instant instant) {
        Phase current = Phase.DRAFTING;
        for (Map.Entry<Phase, Instant> e : starts.entrySet()) {
            if (instant.isBefore(e.getValue())) {
                break;
            }
            current = e.getKey();
        }
        return current;
    }

    public boolean collectsSupport() {
        return starts.containsKey(Phase.SUPPORT_COLLECTION);
    }

    /** The start of a phase; empty for drafting and for support collection in rounds without it. */
    public Optional<Instant> startOf(Phase phase) {
        return Optional.ofNullable(starts.get(phase));
    }

    /** The start of a phase in the calendar's zone. */
    public Optional<ZonedDateTime> localStartOf(Phase phase) {
        return startOf(phase).map(i -> i.atZone(zone));
    }

    /** The end of voting: the start of counting. */
    public Instant votingEnds() {
        return starts.get(Phase.COUNTING);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The starts in phase order. */
    public Map<Phase, Instant> starts() {
        return Collections.unmodifiableMap(starts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PhaseCalendar other && zone.equals(other.zone) && starts.equals(other.starts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, starts);
    }

    @Override
    public String toString() {
        return "PhaseCalendar" + starts + " in " + zone;
    }
}
