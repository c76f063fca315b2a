package kz.qatysu.platform.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The portal's languages: Kazakh (the state language, default), Russian and English. A visitor's choice is kept in
 * a cookie (it outlives sessions, logouts and refused logins); before they choose, the browser's preferred language
 * decides.
 */
@ApplicationScoped
public class LocaleSettings {

    public static final String COOKIE = "qatysu-lang";
    private static final String REQUEST_ATTRIBUTE = "qatysu.locale";
    public static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    public static final String DEFAULT_LANGUAGE = "kk";

    public boolean isSupported(String language) {
        return language != null && LANGUAGES.contains(language);
    }

    /** The language of this request: session choice, else the first supported Accept-Language, else Kazakh. */
    public String currentLanguage(HttpServletRequest request) {
        if (request.getAttribute(REQUEST_ATTRIBUTE) instanceof String chosen && isSupported(chosen)) {
            return chosen;
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName()) && isSupported(cookie.getValue())) {
                    return cookie.getValue();
                }
            }
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

    public void choose(HttpServletRequest request, HttpServletResponse response, String language) {
        if (!isSupported(language)) {
            throw new IllegalArgumentException("Unsupported language");
        }
        request.setAttribute(REQUEST_ATTRIBUTE, language);
        Cookie cookie = new Cookie(COOKIE, language);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }
}
