package kz.qatysu.registry.domain;

/** A registry message that cannot be read: malformed, a member or element missing or of the wrong kind, a rule broken. */
public class MalformedMessage extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MalformedMessage(String message) {
        super(message);
    }

    public MalformedMessage(String message, Throwable cause) {
        super(message, cause);
    }
}
