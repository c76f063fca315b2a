package kz.qatysu.citizen.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.Locale;
import kz.qatysu.citizen.application.CitizenLoginRefused;

/**
 * The refusal page. Its {@code reason} parameter selects one of the known explanations; anything else shows the
 * generic text (the page never repeats what the URL says).
 */
@Named
@RequestScoped
public class LoginRefusedBacking {

    private String reason;

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getMessageKey() {
        boolean known = reason != null && Arrays.stream(CitizenLoginRefused.Reason.values())
                .anyMatch(r -> r.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(reason));
        return known ? "login.refused." + reason : "login.refused.generic";
    }
}
