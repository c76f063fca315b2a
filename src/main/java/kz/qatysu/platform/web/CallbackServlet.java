package kz.qatysu.platform.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The OpenID Connect redirect URI. The container has validated the provider's answer before this runs (state,
 * code exchange, token signature, issuer, audience, nonce); this only sends the browser on to its landing page.
 * A visit without a completed login goes home.
 */
@WebServlet(urlPatterns = "/callback")
public class CallbackServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = request.getUserPrincipal() == null ? "/" : LoginTarget.take(request);
        response.setHeader("Cache-Control", "no-store");
        response.sendRedirect(request.getContextPath() + target);
    }
}
