package kz.qatysu.staff.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import java.util.Locale;
import java.util.stream.Collectors;
import kz.qatysu.platform.faces.LocaleBacking;
import kz.qatysu.staff.application.StaffService;
import kz.qatysu.staff.application.StaffService.StaffLanding;

/** The staff landing page: role and territorial scope of the logged-in staff member. */
@Named
@RequestScoped
public class StaffLandingBacking {

    @EJB
    private StaffService staff;
    @Inject
    private OpenIdContext openId;
    @Inject
    private LocaleBacking locale;

    private StaffLanding landing;

    @PostConstruct
    void init() {
        String given = openId.getClaims().getStringClaim("given_name").orElse("");
        String family = openId.getClaims().getStringClaim("family_name").orElse("");
        landing = staff.signIn((given + " " + family).strip());
    }

    public StaffLanding getLanding() {
        return landing;
    }

    public String getScopePath() {
        Locale current = locale.getLocale();
        return landing.scopePath().stream().map(t -> t.name(current)).collect(Collectors.joining(" › "));
    }

    public String getScopeKind() {
        return landing.scope().kind().name();
    }
}
