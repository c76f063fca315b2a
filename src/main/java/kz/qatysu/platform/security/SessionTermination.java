package kz.qatysu.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends a login everywhere: the Keycloak SSO session (back-channel, with the refresh token and the client's
 * credentials), the container's authentication and the HTTP session.
 */
@ApplicationScoped
public class SessionTermination {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    private OpenIdContext openId;
    @Inject
    private OidcSettings settings;
    @Inject
    private Logger logger;

    /** The ID token of the current login, for an RP-initiated logout redirect; empty when not logged in. */
    public Optional<String> identityToken() {
        try {
            return Optional.ofNullable(openId.getIdentityToken()).map(t -> t.getToken());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Ends the Keycloak session without a browser round trip, then the local one. */
    public void terminate(HttpServletRequest request) {
        try {
            openId.getRefreshToken().ifPresent(refresh -> backchannelLogout(refresh.getToken()));
        } catch (RuntimeException e) {
            logger.log(Level.WARNING, "Could not read the refresh token to end the provider session", e.getClass());
        }
        endLocal(request);
    }

    /**
     * Ends the HTTP session, which holds the container's authentication and the tokens (the OpenID Connect
     * mechanism registers the login with the session). {@code request.logout()} is not used: on Payara 7 the
     * mechanism's logout handling commits the response, which would prevent the page that follows.
     */
    public void endLocal(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    private void backchannelLogout(String refreshToken) {
        String form = "client_id=" + enc(settings.getClientId())
                + "&client_secret=" + enc(settings.getClientSecret())
                + "&refresh_token=" + enc(refreshToken);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.getLogoutEndpoint()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                logger.log(Level.WARNING, "Provider logout answered {0}", response.statusCode());
            }
        } catch (IOException e) {
            logger.log(Level.WARNING, "Provider logout failed: {0}", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
