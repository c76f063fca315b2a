package kz.qatysu.platform.security;

import jakarta.ejb.ApplicationException;

/**
 * The caller may not act on this object: staff outside their territorial scope, a citizen on someone else's
 * proposal. Pages and the API answer 403 with the localised message of {@link #messageKey()}; the transaction is
 * rolled back, so nothing changes.
 */
@ApplicationException(rollback = true)
public class AccessRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;

    public AccessRefused(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
