package kz.qatysu.platform.security;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <access token>} of the mobile client: the token
 * is verified by {@link BearerTokens} on every request (no session), and the caller becomes the token's subject —
 * the IIN for citizens — with its realm roles, for the whole request, EJBs included. A request without a bearer
 * token passes through unauthenticated (the open-data API needs none; protected operations answer 401). An invalid
 * token is answered at once: 401, {@code WWW-Authenticate: Bearer error="invalid_token"}, a problem document.
 */
@ApiBearer
@ApplicationScoped
public class BearerTokenMechanism implements HttpAuthenticationMechanism {

    /** Request attribute holding the verified {@link BearerTokens.Caller} for the API's resources. */
    public static final String CALLER = BearerTokenMechanism.class.getName() + ".caller";

    private static final Logger LOGGER = Logger.getLogger(BearerTokenMechanism.class.getName());

    @Inject
    OidcSettings oidc;

    @Inject
    @ConfigProperty(name = "qatysu.api.audience", defaultValue = "qatysu-api")
    String audience;

    @Inject
    @ConfigProperty(name = "qatysu.api.client-id", defaultValue = "qatysu-mobile")
    String clientId;

    private BearerTokens tokens;

    @PostConstruct
    void init() {
        try {
            URL jwks = URI.create(oidc.getProviderUri() + "/protocol/openid-connect/certs").toURL();
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwks).retrying(true).build();
            tokens = new BearerTokens(oidc.getProviderUri(), audience, clientId, keys);
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException("qatysu.oidc.provider-uri is not a URL", e);
        }
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return context.doNothing();
        }
        try {
            BearerTokens.Caller caller = tokens.verify(header.substring(7).strip());
            request.setAttribute(CALLER, caller);
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        } catch (BearerTokens.Invalid e) {
            LOGGER.log(Level.FINE, "Bearer token refused: {0}", e.getMessage());
            try {
                ApiChallenge.invalidToken(request, response);
            } catch (IOException io) {
                LOGGER.log(Level.FINE, "Could not write the 401 answer", io);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
    }
}
