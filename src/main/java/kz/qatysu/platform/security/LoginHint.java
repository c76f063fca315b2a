package kz.qatysu.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import kz.qatysu.platform.faces.LocaleSettings;

/**
 * Extra parameters of the authorization request, evaluated for each login: a citizen entering the cabinet is sent
 * straight to the national identity provider ({@code kc_idp_hint}); staff get Keycloak's own form.
 */
@Named
@RequestScoped
public class LoginHint {

    @Inject
    private HttpServletRequest request;
    @Inject
    private OidcSettings settings;
    @Inject
    private LocaleSettings localeSettings;

    public String[] getExtraParameters() {
        String path = request.getServletPath();
        String uiLocales = "ui_locales=" + localeSettings.currentLanguage(request);
        if (path != null && path.startsWith("/cabinet")) {
            return new String[]{"kc_idp_hint=" + settings.getCitizenIdpHint(), uiLocales};
        }
        return new String[]{uiLocales};
    }
}
