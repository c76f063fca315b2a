package kz.qatysu.platform.security;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import kz.qatysu.platform.api.Problem;
import kz.qatysu.platform.api.ProblemMappers;
import kz.qatysu.platform.faces.LocaleSettings;

/** The answer to an API request whose bearer token proves nothing: 401 with an RFC 9457 problem (RFC 6750 header). */
final class ApiChallenge {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private ApiChallenge() {
    }

    static void invalidToken(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = Collections.list(request.getLocales()).stream()
                .filter(l -> LocaleSettings.LANGUAGES.contains(l.getLanguage())).findFirst()
                .map(l -> Locale.of(l.getLanguage())).orElse(Locale.of(LocaleSettings.DEFAULT_LANGUAGE));
        Problem problem = Problem.of(401, "invalid-token", ProblemMappers.text(locale, "api.problem.invalid-token.title"),
                ProblemMappers.text(locale, "api.problem.invalid-token"));
        response.setStatus(401);
        response.setHeader("WWW-Authenticate", "Bearer realm=\"qatysu\", error=\"invalid_token\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(JSONB.toJson(problem));
    }
}
