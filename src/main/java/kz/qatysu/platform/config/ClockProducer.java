package kz.qatysu.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The platform's clock (tests replace it with a fixed one). Instants are UTC; the zone is for calendar dates. */
@ApplicationScoped
public class ClockProducer {

    @Inject
    @ConfigProperty(name = "qatysu.time-zone", defaultValue = "Asia/Almaty")
    String timeZone;

    @Produces
    @ApplicationScoped
    public Clock clock() {
        return Clock.system(ZoneId.of(timeZone));
    }
}
