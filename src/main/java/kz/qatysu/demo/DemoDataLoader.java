package kz.qatysu.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.staff.application.StaffService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Demo data for {@code ./qatysu run} and the browser tests: the territorial scopes of the demo staff accounts of
 * the Keycloak realm export, and a round with proposals for each demo district; with
 * {@code QATYSU_DEMO_SYNTHETIC_VOTERS=N}, a synthetic electorate of N residents for the dashboards. Off unless
 * {@code QATYSU_DEMO_DATA=true}.
 */
@Startup
@Singleton
@DependsOn("BundledClassifierLoader")
public class DemoDataLoader {

    /** Demo staff accounts and the KATO unit whose subtree each may act on (Bostandyk, Esil). */
    static final Map<String, String> STAFF_SCOPES = Map.of(
            "moderator.bostandyk", "751410000",
            "reviewer.bostandyk", "751410000",
            "moderator.esil", "711210000");

    @EJB
    private StaffService staff;
    @EJB
    private DemoRounds rounds;
    @EJB
    private SyntheticElectorate electorate;
    @Inject
    private Logger logger;
    @Inject
    @ConfigProperty(name = "qatysu.demo-data", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "qatysu.environment", defaultValue = "development")
    String environment;

    /** Synthetic residents to add for the dashboards (see {@link SyntheticElectorate}); 0 for none. */
    @Inject
    @ConfigProperty(name = "qatysu.demo.synthetic-voters", defaultValue = "0")
    int syntheticVoters;

    @Inject
    @ConfigProperty(name = "qatysu.demo.synthetic-seed", defaultValue = "20261129")
    long syntheticSeed;

    @PostConstruct
    void load() {
        if (!enabled) {
            return;
        }
        if ("production".equalsIgnoreCase(environment)) {
            // Never write demo data into a production database (the start-up safety check refuses the deployment too).
            throw new IllegalStateException("Demo data is not loaded in production");
        }
        STAFF_SCOPES.forEach((username, kato) -> staff.assignScopeAs(username, kato, "demo-data"));
        int created = rounds.load();
        logger.log(Level.INFO, "Demo data loaded: {0} staff scopes, {1} new rounds", new Object[]{STAFF_SCOPES.size(), created});
        if (syntheticVoters > 0) {
            // In the background: the portal is up at once, the dashboards fill within a few minutes.
            logger.log(Level.INFO, "Loading a synthetic electorate of {0} residents in the background", syntheticVoters);
            electorate.populate(syntheticVoters, syntheticSeed);
        }
    }
}
