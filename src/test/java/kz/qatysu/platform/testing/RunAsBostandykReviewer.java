package kz.qatysu.platform.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/** Runs code inside the container as the demo expert-council reviewer of Bostandyk (principal {@code reviewer.bostandyk}, role {@code reviewer}). */
@Stateless
@RunAs("reviewer")
@PermitAll
public class RunAsBostandykReviewer {
    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
