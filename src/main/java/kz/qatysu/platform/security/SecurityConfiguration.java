package kz.qatysu.platform.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;

/**
 * The one place that declares how people authenticate: OpenID Connect against Keycloak, which brokers the national
 * identity provider for citizens and holds the staff accounts. Roles arrive in the flat {@code groups} claim.
 * After the provider's callback, {@link kz.qatysu.platform.web.CallbackServlet} sends the browser on to the page the
 * visitor asked for (restoring the original request inside the container breaks request parameters on Payara 7).
 * Logout is handled by {@link kz.qatysu.platform.web.LogoutServlet}, which ends the Keycloak session too.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcSettings.providerUri}",
        clientId = "${oidcSettings.clientId}",
        clientSecret = "${oidcSettings.clientSecret}",
        redirectURI = "${baseURL}/callback",
        redirectToOriginalResource = false,
        scope = {"openid", "profile"},
        claimsDefinition = @ClaimsDefinition(callerNameClaim = "preferred_username", callerGroupsClaim = "groups"))
@DeclareRoles({Roles.CITIZEN, Roles.MODERATOR, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
@ApplicationScoped
public class SecurityConfiguration {
}
