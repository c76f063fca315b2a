package kz.qatysu.voting.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Date;
import java.util.concurrent.ConcurrentHashMap;
import kz.qatysu.citizen.application.CitizenLoginRefused;
import kz.qatysu.citizen.application.CitizenService;
import kz.qatysu.citizen.application.IdentityClaims;
import kz.qatysu.platform.api.ApiProblem;
import kz.qatysu.platform.security.BearerTokenMechanism;
import kz.qatysu.platform.security.BearerTokens;

/**
 * A citizen who only ever uses the mobile application is known to the platform like one who signs in on the portal:
 * each new access token is a fresh login, so its identity claims (IIN, names, residence — the registry's word) create
 * or update the citizen once per token, not on every request.
 */
@ApplicationScoped
public class ApiCitizens {

    private static final int MAX_REMEMBERED = 200_000;

    @EJB
    private CitizenService citizens;

    /** IIN → issue time of the last token whose claims were applied. */
    private final ConcurrentHashMap<String, Long> synchronisedAt = new ConcurrentHashMap<>();

    void synchronise(HttpServletRequest request) {
        if (!(request.getAttribute(BearerTokenMechanism.CALLER) instanceof BearerTokens.Caller caller)) {
            return;
        }
        long issuedAt = caller.claims().get("iat") instanceof Date d ? d.getTime() : 0L;
        Long last = synchronisedAt.get(caller.name());
        if (last != null && last >= issuedAt) {
            return;
        }
        try {
            citizens.signIn(new IdentityClaims(caller.claim("iin"), caller.claim("family_name"),
                    caller.claim("given_name"), caller.claim("patronymic"), caller.claim("birthdate"),
                    caller.claim("kato")));
        } catch (CitizenLoginRefused refused) {
            throw new ApiProblem(403, "login-refused", "api.problem.login-refused");
        }
        if (synchronisedAt.size() > MAX_REMEMBERED) {
            synchronisedAt.clear();
        }
        synchronisedAt.merge(caller.name(), issuedAt, Math::max);
    }
}
