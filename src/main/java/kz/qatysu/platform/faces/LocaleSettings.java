package kz.qatysu.platform.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The portal's languages: Kazakh (the state language, default), Russian and English. A visitor's choice is kept in
 * the session; before they choose, the browser's preferred language decides.
 */
@ApplicationScoped
public class LocaleSettings {

    public static final String SESSION_ATTRIBUTE = "qatysu.locale";
    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    public static final String DEFAULT_LANGUAGE = "kk";

    public boolean isSupported(String language) {
        return language != null && LANGUAGES.contains(language);
    }

    /** The language of this request: session choice, else the first supported Accept-Language, else Kazakh. */
    public String currentLanguage(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof String chosen && isSupported(chosen)) {
            return chosen;
        }
        if (request.getHeader("Accept-Language") == null) {
            return DEFAULT_LANGUAGE;
        }
        for (Locale locale : Collections.list(request.getLocales())) {
            if (isSupported(locale.getLanguage())) {
                return locale.getLanguage();
            }
        }
        return DEFAULT_LANGUAGE;
    }

    public void choose(HttpServletRequest request, String language) {
        if (!isSupported(language)) {
            throw new IllegalArgumentException("Unsupported language");
        }
        request.getSession(true).setAttribute(SESSION_ATTRIBUTE, language);
    }
}
