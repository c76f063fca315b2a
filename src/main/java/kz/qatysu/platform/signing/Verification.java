package kz.qatysu.platform.signing;

import java.util.Objects;

/** The outcome of checking a signature: valid, or not with the reason (safe to log and to show to an operator). */
public record Verification(boolean valid, String reason) {

    private static final Verification VALID = new Verification(true, "signature valid");

    public Verification {
        Objects.requireNonNull(reason, "reason");
    }

    public static Verification ok() {
        return VALID;
    }

    public static Verification failed(String reason) {
        return new Verification(false, reason);
    }
}
