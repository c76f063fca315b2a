package kz.qatysu.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OpenID Connect settings of the portal, from MicroProfile Config (environment variables in production:
 * {@code QATYSU_OIDC_PROVIDER_URI}, {@code QATYSU_OIDC_CLIENT_ID}, {@code QATYSU_OIDC_CLIENT_SECRET}).
 */
@Named
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "qatysu.oidc.provider-uri")
    String providerUri;

    @Inject
    @ConfigProperty(name = "qatysu.oidc.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "qatysu.oidc.client-secret")
    String clientSecret;

    @Inject
    @ConfigProperty(name = "qatysu.oidc.citizen-idp-hint", defaultValue = "egov")
    String citizenIdpHint;

    public String getProviderUri() {
        return providerUri;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public String getCitizenIdpHint() {
        return citizenIdpHint;
    }

    /** Keycloak's authorization endpoint (where the mechanism sends the browser to log in). */
    public String getAuthorizationEndpoint() {
        return providerUri + "/protocol/openid-connect/auth";
    }

    /**
     * Keycloak's logout endpoint: the browser is sent there with {@code id_token_hint} (RP-initiated logout), and the
     * portal POSTs a refresh token there to end a session without the browser (back channel).
     */
    public String getLogoutEndpoint() {
        return providerUri + "/protocol/openid-connect/logout";
    }
}
