package kz.qatysu.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import kz.qatysu.platform.security.Roles;

/**
 * Where the browser goes after signing in: one of a fixed set of landing pages, never a URL from the request (no
 * open redirects).
 */
public final class LoginTarget {

    static final String SESSION_ATTRIBUTE = "qatysu.loginTarget";

    /** Names accepted in {@code /login?to=...} and the pages they lead to. */
    static final Map<String, String> TARGETS = Map.of(
            "cabinet", "/cabinet/",
            "staff", "/staff/",
            "admin-staff", "/admin/staff.xhtml",
            "admin-kato", "/admin/kato.xhtml");

    private LoginTarget() {
    }

    static void remember(HttpServletRequest request, String name) {
        String path = TARGETS.get(name);
        if (path != null) {
            request.getSession(true).setAttribute(SESSION_ATTRIBUTE, path);
        }
    }

    /** The remembered landing page (consumed), else the natural one for the caller's roles. */
    static String take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof String path
                && TARGETS.containsValue(path)) {
            session.removeAttribute(SESSION_ATTRIBUTE);
            return path;
        }
        if (request.isUserInRole(Roles.CITIZEN)) {
            return TARGETS.get("cabinet");
        }
        for (String role : Roles.STAFF) {
            if (request.isUserInRole(role)) {
                return TARGETS.get("staff");
            }
        }
        return "/";
    }
}
