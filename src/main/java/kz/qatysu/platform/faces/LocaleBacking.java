package kz.qatysu.platform.faces;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/** The language switch in the page header (POST, then redirect to the same page). */
@Named
@RequestScoped
public class LocaleBacking {

    @Inject
    private LocaleSettings settings;
    @Inject
    private HttpServletRequest request;

    public Locale getLocale() {
        return Locale.of(getLanguage());
    }

    public String getLanguage() {
        return settings.currentLanguage(request);
    }

    public List<String> getLanguages() {
        return LocaleSettings.LANGUAGES;
    }

    public String change(String language) {
        if (settings.isSupported(language)) {
            settings.choose(request,
                    (jakarta.servlet.http.HttpServletResponse) FacesContext.getCurrentInstance().getExternalContext().getResponse(),
                    language);
        }
        String viewId = FacesContext.getCurrentInstance().getViewRoot().getViewId();
        return viewId + "?faces-redirect=true&includeViewParams=true";
    }
}
