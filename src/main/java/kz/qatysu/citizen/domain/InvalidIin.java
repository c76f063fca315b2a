package kz.qatysu.citizen.domain;

/**
 * An IIN that cannot belong to a person. The reason is a stable code for logs and localised messages; the message
 * never repeats the number and never hints which digit is wrong.
 */
public class InvalidIin extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No number was given. */
        MISSING,
        /** Not exactly twelve ASCII digits (spaces, dashes, full-width or other Unicode digits). */
        FORMAT,
        /** The check digit does not match, or the prefix can never be issued. */
        CHECK_DIGIT,
        /** The 7th digit is not 1..6. */
        CENTURY_DIGIT,
        /** No real calendar date, or a date in the future. */
        BIRTH_DATE,
        /** A business identification number (BIN) of an organisation. */
        NOT_AN_INDIVIDUAL
    }

    private final Reason reason;

    public InvalidIin(Reason reason) {
        super("Invalid IIN: " + reason);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
