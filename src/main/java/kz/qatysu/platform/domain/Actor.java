package kz.qatysu.platform.domain;

import java.util.regex.Pattern;

/**
 * Who did something, as recorded in histories and the audit log: a citizen by surrogate id (never the IIN), a staff
 * member by username, or the system (a scheduler). Stored as {@code citizen:42}, {@code staff:a.bekov},
 * {@code system:calendar}.
 */
public record Actor(Kind kind, String id) {

    public enum Kind { CITIZEN, STAFF, SYSTEM }

    public static final int MAX_LENGTH = 120;
    private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}._@-]{1,100}");

    public Actor {
        if (kind == null || id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("An actor has a kind and an id of letters, digits, '.', '_', '@', '-'");
        }
    }

    public static Actor citizen(long citizenId) {
        return new Actor(Kind.CITIZEN, Long.toString(citizenId));
    }

    public static Actor staff(String username) {
        return new Actor(Kind.STAFF, username);
    }

    public static Actor system(String process) {
        return new Actor(Kind.SYSTEM, process);
    }

    /** Parses the stored form. */
    public static Actor parse(String stored) {
        int colon = stored == null ? -1 : stored.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Not a stored actor");
        }
        return new Actor(Kind.valueOf(stored.substring(0, colon).toUpperCase(java.util.Locale.ROOT)),
                stored.substring(colon + 1));
    }

    public boolean isCitizen(Long citizenId) {
        return kind == Kind.CITIZEN && citizenId != null && id.equals(citizenId.toString());
    }

    public boolean isStaff() {
        return kind == Kind.STAFF;
    }

    /** The stored form, e.g. {@code staff:a.bekov}. */
    public String stored() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
    }

    @Override
    public String toString() {
        return stored();
    }
}
