package kz.qatysu.citizen.web;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.JwtClaims;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import kz.qatysu.citizen.application.CitizenLoginRefused;
import kz.qatysu.citizen.application.CitizenService;
import kz.qatysu.citizen.application.IdentityClaims;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.platform.security.SessionTermination;

/**
 * On the first request of a citizen's session, registers the citizen from the identity token (registry data wins).
 * A token that does not identify an eligible person ends the session, at Keycloak too, and shows the refusal page;
 * nothing is stored.
 */
@WebFilter(urlPatterns = {"/cabinet/*"})
public class CitizenSessionFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    /** Session attribute holding the citizen's surrogate id once registered. */
    public static final String CITIZEN_ID = "qatysu.citizenId";

    @EJB
    private CitizenService citizens;
    @Inject
    private OpenIdContext openId;
    @Inject
    private SessionTermination termination;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null || !request.isUserInRole(Roles.CITIZEN)) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(true);
        if (session.getAttribute(CITIZEN_ID) == null) {
            try {
                long id = citizens.signIn(claims());
                session.setAttribute(CITIZEN_ID, id);
            } catch (CitizenLoginRefused refused) {
                termination.terminate(request);
                response.sendRedirect(request.getContextPath() + "/login-refused.xhtml?reason=" + refused.reasonCode());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private IdentityClaims claims() {
        JwtClaims token = openId.getIdentityToken().getJwtClaims();
        return new IdentityClaims(
                claim(token, "iin"), claim(token, "family_name"), claim(token, "given_name"),
                claim(token, "patronymic"), claim(token, "birthdate"), claim(token, "kato"));
    }

    private String claim(JwtClaims token, String name) {
        Optional<String> value = token.getStringClaim(name);
        if (value.isPresent()) {
            return value.get();
        }
        return openId.getClaims().getStringClaim(name).orElse(null);
    }
}
