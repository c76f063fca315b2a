package kz.qatysu.citizen.web;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.stream.Collectors;
import kz.qatysu.citizen.application.CitizenService;
import kz.qatysu.citizen.application.CitizenService.CitizenProfile;
import kz.qatysu.platform.faces.LocaleBacking;

/** The citizen cabinet: who the platform knows the visitor to be, from the national registry. */
@Named
@RequestScoped
public class CabinetBacking {

    @EJB
    private CitizenService citizens;
    @Inject
    private HttpServletRequest request;
    @Inject
    private LocaleBacking locale;

    private CitizenProfile profile;

    @PostConstruct
    void init() {
        HttpSession session = request.getSession(false);
        Object id = session == null ? null : session.getAttribute(CitizenSessionFilter.CITIZEN_ID);
        if (id instanceof Long citizenId) {
            profile = citizens.profile(citizenId).orElse(null);
        }
    }

    public CitizenProfile getProfile() {
        return profile;
    }

    /** The territory of residence with all its ancestors, in the current language: "Алматы › Бостандық ауданы". */
    public String getTerritoryPath() {
        if (profile == null) {
            return "";
        }
        Locale current = locale.getLocale();
        return profile.territoryPath().stream().map(t -> t.name(current)).collect(Collectors.joining(" › "));
    }

    /** The message key for the resident's sex. */
    public String getSexKey() {
        return profile == null ? "" : "sex." + profile.sexCode();
    }
}
