package kz.qatysu.platform.web;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import kz.qatysu.platform.faces.LocaleSettings;
import kz.qatysu.platform.security.OidcSettings;
import kz.qatysu.platform.security.SessionTermination;

/**
 * Logout (POST only, so that a link on another site cannot log anyone out): ends the local session and sends the
 * browser to Keycloak's end-session endpoint with the ID token hint, which ends the SSO session and returns to the
 * home page.
 */
@WebServlet(urlPatterns = "/logout")
public class LogoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    private SessionTermination termination;
    @Inject
    private OidcSettings settings;
    @Inject
    private LocaleSettings locales;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Optional<String> idToken = termination.identityToken();
        String language = locales.currentLanguage(request);
        termination.endLocal(request);
        String home = baseUrl(request) + "/";
        if (idToken.isEmpty()) {
            response.sendRedirect(home);
            return;
        }
        response.sendRedirect(settings.getLogoutEndpoint()
                + "?id_token_hint=" + enc(idToken.get())
                + "&post_logout_redirect_uri=" + enc(home)
                + "&client_id=" + enc(settings.getClientId())
                + "&ui_locales=" + enc(language));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    private static String baseUrl(HttpServletRequest request) {
        StringBuilder url = new StringBuilder().append(request.getScheme()).append("://").append(request.getServerName());
        int port = request.getServerPort();
        if (!("http".equals(request.getScheme()) && port == 80) && !("https".equals(request.getScheme()) && port == 443)) {
            url.append(':').append(port);
        }
        return url.append(request.getContextPath()).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
