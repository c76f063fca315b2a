package kz.qatysu.platform.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/** Runs code inside the container as a demo resident of Esil (Astana) (principal {@code 750505200024}, role {@code citizen}). */
@Stateless
@RunAs("citizen")
@PermitAll
public class RunAsEsilResident {
    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
