package kz.qatysu.platform.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/** Runs code inside the container as a demo resident of Bostandyk (Almaty), author of demo proposals (principal {@code 800416100254}, role {@code citizen}). */
@Stateless
@RunAs("citizen")
@PermitAll
public class RunAsBostandykResident {
    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
