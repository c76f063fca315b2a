package kz.qatysu.platform.api;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.platform.faces.LocaleSettings;
import kz.qatysu.platform.faces.Messages;

/** Every error of the API as a localised problem document; internals never leak. */
public final class ProblemMappers {

    private static final Logger LOGGER = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    public static Locale locale(HttpHeaders headers) {
        List<Locale> accepted = headers == null ? List.of() : headers.getAcceptableLanguages();
        for (Locale locale : accepted) {
            if (LocaleSettings.LANGUAGES.contains(locale.getLanguage())) {
                return Locale.of(locale.getLanguage());
            }
        }
        return Locale.of(LocaleSettings.DEFAULT_LANGUAGE);
    }

    public static String text(Locale locale, String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(Messages.BUNDLE, locale).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    /** The language of the request a mapper answers. */
    abstract static class Localised {
        @Context
        HttpHeaders headers;

        Locale locale() {
            return ProblemMappers.locale(headers);
        }
    }

    @Provider
    public static class ApiProblemMapper extends Localised implements ExceptionMapper<ApiProblem> {
        @Override
        public Response toResponse(ApiProblem e) {
            Locale locale = locale();
            String title = text(locale, "api.problem." + e.code() + ".title");
            if (title.startsWith("api.problem.")) {
                // Codes of one family share a title (e.g. every rule a ballot can break: 422).
                title = text(locale, "api.problem.status-" + e.status() + ".title");
            }
            Response response = Problem.of(e.status(), e.code(), title, text(locale, e.messageKey(), e.args()))
                    .toResponse();
            if (e.status() == 401) {
                // RFC 6750: the scheme the client must use.
                response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"qatysu\"");
            }
            return response;
        }
    }

    @Provider
    public static class WebApplicationMapper extends Localised implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Locale locale = locale();
            int status = e.getResponse().getStatus();
            String code = e instanceof NotFoundException ? "not-found" : "http-" + status;
            String key = e instanceof NotFoundException ? "api.problem.not-found" : "api.problem.http";
            return Problem.of(status, code, text(locale, "api.problem.http.title"), text(locale, key, status)).toResponse();
        }
    }

    @Provider
    public static class UnexpectedMapper extends Localised implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            LOGGER.log(Level.SEVERE, "Unexpected API error", e);
            Locale locale = locale();
            return Problem.of(500, "internal-error", text(locale, "api.problem.internal-error.title"),
                    text(locale, "api.problem.internal-error")).toResponse();
        }
    }
}
