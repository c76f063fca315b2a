package kz.qatysu.platform.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/** Runs code inside the container as a platform administrator. */
@Stateless
@RunAs("admin")
@PermitAll
public class RunAsAdmin {
    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
