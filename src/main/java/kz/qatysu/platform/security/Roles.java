package kz.qatysu.platform.security;

/** Realm roles delivered by Keycloak in the flat {@code groups} claim. */
public final class Roles {
    public static final String CITIZEN = "citizen";
    public static final String MODERATOR = "moderator";
    public static final String REVIEWER = "reviewer";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    /** Roles of akimat and ministry staff and operators. */
    public static final String[] STAFF = {MODERATOR, REVIEWER, ANALYST, ADMIN};

    private Roles() {
    }
}
