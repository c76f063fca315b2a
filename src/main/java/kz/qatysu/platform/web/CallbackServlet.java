package kz.qatysu.platform.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The OpenID Connect redirect URI. The container has validated the provider's answer before this runs (state,
 * code exchange, token signature, issuer, audience, nonce); this gives the now authenticated session a new id (so a
 * session id planted before the login is worthless: session fixation) and sends the browser on to its landing
 * page. A visit without a completed login goes home.
 */
@WebServlet(urlPatterns = "/callback")
public class CallbackServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = "/";
        if (request.getUserPrincipal() != null) {
            if (request.getSession(false) != null) {
                request.changeSessionId();
            }
            target = LoginTarget.take(request);
        }
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + target);
    }
}
