package kz.qatysu.citizen.application;

import jakarta.ejb.ApplicationException;

/** The identity provider's data does not identify an eligible person of the platform: the login is refused. */
@ApplicationException(rollback = true)
public class CitizenLoginRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No IIN at all in the token. */
        MISSING_IIN,
        /** An IIN that fails validation (check digit, date, century digit, BIN, Unicode digits). */
        INVALID_IIN,
        /** No registered address, or a KATO code the classifier does not know. */
        UNKNOWN_TERRITORY,
        /** Names missing or malformed. */
        INVALID_NAME
    }

    private final Reason reason;

    public CitizenLoginRefused(Reason reason) {
        super("Citizen login refused: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** The reason as a stable code for URLs and bundles, e.g. {@code invalid-iin}. */
    public String reasonCode() {
        return reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The key of the localised explanation in the i18n bundle. */
    public String messageKey() {
        return "login.refused." + reasonCode();
    }
}
