package kz.qatysu.platform.security;

import jakarta.ejb.ApplicationException;

/** The object asked for does not exist, or is not visible to the caller (answered as 404 either way). */
@ApplicationException(rollback = true)
public class NotFound extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFound(String what) {
        super(what);
    }
}
