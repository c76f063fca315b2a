package kz.qatysu.platform.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sign-in entry point: {@code /login?to=cabinet} (citizens, through eGov) or {@code /login?to=staff}. Remembers the
 * landing page and opens it; the container's OpenID Connect mechanism then sends the browser to Keycloak.
 */
@WebServlet(urlPatterns = "/login")
public class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String to = request.getParameter("to");
        if (to == null || !LoginTarget.TARGETS.containsKey(to)) {
            to = "cabinet";
        }
        LoginTarget.remember(request, to);
        response.sendRedirect(request.getContextPath() + LoginTarget.TARGETS.get(to));
    }
}
