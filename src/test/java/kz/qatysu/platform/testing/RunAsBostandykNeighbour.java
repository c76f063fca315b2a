package kz.qatysu.platform.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/** Runs code inside the container as another demo resident of Bostandyk (principal {@code 871130200112}, role {@code citizen}). */
@Stateless
@RunAs("citizen")
@PermitAll
public class RunAsBostandykNeighbour {
    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
