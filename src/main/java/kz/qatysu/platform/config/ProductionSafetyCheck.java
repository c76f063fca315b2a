package kz.qatysu.platform.config;

import jakarta.faces.application.ProjectStage;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Refuses to start a production deployment that carries development or test switches. */
@WebListener
public class ProductionSafetyCheck implements ServletContextListener {

    private static final Logger LOGGER = Logger.getLogger(ProductionSafetyCheck.class.getName());

    @Inject
    @ConfigProperty(name = "qatysu.environment", defaultValue = "development")
    String environment;
    @Inject
    @ConfigProperty(name = "qatysu.demo-data", defaultValue = "false")
    boolean demoData;
    @Inject
    @ConfigProperty(name = "qatysu.oidc.provider-uri")
    String providerUri;
    @Inject
    @ConfigProperty(name = "qatysu.oidc.citizen-idp-hint", defaultValue = "egov")
    String citizenIdpHint;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        String stage = event.getServletContext().getInitParameter(ProjectStage.PROJECT_STAGE_PARAM_NAME);
        ProductionSafety safety = new ProductionSafety(environment, demoData, stage == null ? "Production" : stage,
                providerUri, citizenIdpHint);
        List<String> violations = safety.violations();
        if (!violations.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", violations));
        }
        LOGGER.log(Level.INFO, "Environment: {0}", environment);
    }
}
