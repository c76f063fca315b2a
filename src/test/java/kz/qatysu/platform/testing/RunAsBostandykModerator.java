package kz.qatysu.platform.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/** Runs code inside the container as the demo moderator of Bostandyk (principal {@code moderator.bostandyk}, role {@code moderator}). */
@Stateless
@RunAs("moderator")
@PermitAll
public class RunAsBostandykModerator {
    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
