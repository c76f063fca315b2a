package kz.qatysu.platform.security;

import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import kz.qatysu.platform.faces.LocaleSettings;

/**
 * Adds per-login parameters to the authorization request the OpenID Connect mechanism sends the browser to: the
 * visitor's language ({@code ui_locales}) always, and for the citizen cabinet {@code kc_idp_hint}, so citizens go
 * straight to the national identity provider while staff get Keycloak's own form. (The mechanism's static
 * {@code extraParameters} are evaluated once, so they cannot depend on the request.) Requests with crafted paths
 * (dot segments, encoded slashes) are refused with 400 here, before a security constraint could answer them.
 */
@Decorator
@Priority(Interceptor.Priority.APPLICATION)
public abstract class LoginHintDecorator implements HttpAuthenticationMechanism {

    @Inject
    @Delegate
    @Any
    private HttpAuthenticationMechanism delegate;
    @Inject
    private OidcSettings settings;
    @Inject
    private LocaleSettings locales;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (RequestPaths.isCrafted(request.getRequestURI())) {
            // Before any constraint sends the visitor to log in: a probing path gets a plain refusal.
            try {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            } catch (IOException e) {
                throw new AuthenticationException(e);
            }
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (request.getUserPrincipal() != null || !context.isProtected()) {
            return delegate.validateRequest(request, response, context);
        }
        StringBuilder extra = new StringBuilder("&ui_locales=").append(locales.currentLanguage(request));
        String path = request.getServletPath();
        if (path != null && path.startsWith("/cabinet")) {
            extra.append("&kc_idp_hint=").append(URLEncoder.encode(settings.getCitizenIdpHint(), StandardCharsets.UTF_8));
        }
        return delegate.validateRequest(request,
                new AuthorizationRedirect(response, settings.getAuthorizationEndpoint(), extra.toString()), context);
    }

    /** Appends the extra parameters to a redirect that goes to the provider's authorization endpoint, only. */
    static final class AuthorizationRedirect extends HttpServletResponseWrapper {
        private final String endpoint;
        private final String extra;

        AuthorizationRedirect(HttpServletResponse response, String endpoint, String extra) {
            super(response);
            this.endpoint = endpoint;
            this.extra = extra;
        }

        @Override
        public void sendRedirect(String location) throws IOException {
            super.sendRedirect(withExtra(location));
        }

        @Override
        public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
            super.sendRedirect(withExtra(location), sc, clearBuffer);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Location".equalsIgnoreCase(name) ? withExtra(value) : value);
        }

        private String withExtra(String location) {
            if (location != null && location.startsWith(endpoint + "?")) {
                return location + extra;
            }
            return location;
        }
    }
}
