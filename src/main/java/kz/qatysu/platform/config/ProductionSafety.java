package kz.qatysu.platform.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules that keep test switches out of production (attack case 46): with {@code qatysu.environment=production}
 * the platform refuses to start while demo data, a non-production Faces stage, a plain-HTTP identity provider or
 * the stand-in eGov realm's hint is configured.
 */
public record ProductionSafety(String environment, boolean demoData, String facesStage, String oidcProviderUri,
                               String citizenIdpHint) {

    public boolean isProduction() {
        return "production".equalsIgnoreCase(environment);
    }

    /** What is wrong for production; empty when the configuration is safe (or not production). */
    public List<String> violations() {
        List<String> violations = new ArrayList<>();
        if (!isProduction()) {
            return violations;
        }
        if (demoData) {
            violations.add("demo data is enabled (QATYSU_DEMO_DATA)");
        }
        if (!"Production".equals(facesStage)) {
            violations.add("the Faces project stage is " + facesStage + ", not Production");
        }
        URI provider = oidcProviderUri == null ? null : URI.create(oidcProviderUri);
        if (provider == null || !"https".equals(provider.getScheme())) {
            violations.add("the OpenID Connect provider is not reached over HTTPS");
        } else if ("localhost".equals(provider.getHost()) || provider.getHost().startsWith("127.")) {
            violations.add("the OpenID Connect provider is a local development server");
        }
        if (citizenIdpHint == null || citizenIdpHint.isBlank()) {
            violations.add("no identity provider is configured for citizens");
        }
        return violations;
    }
}
