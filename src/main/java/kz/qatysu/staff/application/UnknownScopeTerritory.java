package kz.qatysu.staff.application;

import jakarta.ejb.ApplicationException;

/** A scope was given as a KATO code that is malformed or not in the classifier. */
@ApplicationException(rollback = true)
public class UnknownScopeTerritory extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownScopeTerritory() {
        super("Unknown territory");
    }
}
