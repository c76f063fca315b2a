package kz.qatysu.platform.testing;

import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Access tokens exactly as the mobile application gets them: authorization code with PKCE (S256) at the realm
 * {@code qatysu}, client {@code qatysu-mobile}, the citizen sent on to the stand-in eGov login form
 * ({@code kc_idp_hint=egov}) and back through the broker to the app's redirect URI, whose code is then exchanged with
 * the verifier. Nothing is stubbed: a real Keycloak answers every step. {@link #egovToken} signs the same citizen in
 * at the stand-in eGov realm itself, as its client {@code qatysu-broker}: a genuine token of a foreign realm, which
 * the API must refuse.
 */
public final class MobileTokens {

    /** A client of the realm {@code qatysu}: public (no secret) or confidential. */
    public record Client(String id, String secret, String redirectUri) {
    }

    /** The mobile application: public, PKCE. */
    public static final Client MOBILE = new Client("qatysu-mobile", null, "http://127.0.0.1:7777/callback");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\baction=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private MobileTokens() {
    }

    /** An access token of the citizen with that eGov login, signed in through the mobile client. */
    public static String citizenToken(String keycloakUrl, String iin, String password) throws IOException, InterruptedException {
        return tokens(keycloakUrl, MOBILE, iin, password).get("access_token");
    }

    /** The token response (access, refresh and ID tokens) of a fresh PKCE sign-in. */
    public static Map<String, String> tokens(String keycloakUrl, Client client, String iin, String password)
            throws IOException, InterruptedException {
        return signIn(keycloakUrl + "/realms/qatysu", client, Map.of("kc_idp_hint", "egov"), iin, password);
    }

    /**
     * An access token of the realm {@code egov} (the stand-in national identity provider) for the citizen, issued to
     * its client {@code qatysu-broker} exactly as the broker gets one; the code is caught on its way to the broker.
     */
    public static String egovToken(String keycloakUrl, String brokerSecret, String iin, String password)
            throws IOException, InterruptedException {
        Client broker = new Client("qatysu-broker", brokerSecret, keycloakUrl + "/realms/qatysu/broker/egov/endpoint");
        return signIn(keycloakUrl + "/realms/egov", broker, Map.of(), iin, password).get("access_token");
    }

    private static Map<String, String> signIn(String realmUrl, Client client, Map<String, String> hints, String iin,
                                              String password) throws IOException, InterruptedException {
        String redirectUri = client.redirectUri();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String realm = realmUrl + "/protocol/openid-connect";
        String verifier = random(48);
        String state = random(12);
        Map<String, String> parameters = new LinkedHashMap<>(Map.of("client_id", client.id(), "response_type", "code",
                "scope", "openid", "redirect_uri", redirectUri, "state", state,
                "code_challenge", challenge(verifier), "code_challenge_method", "S256"));
        parameters.putAll(hints);
        String authorize = realm + "/auth?" + form(parameters);
        HttpResponse<String> page = follow(http, get(authorize), redirectUri);
        Matcher action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no eGov login form (HTTP " + page.statusCode() + ")");
        }
        HttpResponse<String> afterLogin = http.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("username", iin, "password", password,
                        "credentialId", "")))).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> last = follow(http, afterLogin, redirectUri);
        String location = last.headers().firstValue("Location").orElse("");
        if (!location.startsWith(redirectUri)) {
            throw new IllegalStateException("sign-in did not return to the app (HTTP " + last.statusCode() + ")");
        }
        Map<String, String> callback = query(URI.create(location).getRawQuery());
        if (!state.equals(callback.get("state")) || callback.get("code") == null) {
            throw new IllegalStateException("callback without the code or with another state");
        }
        Map<String, String> exchange = new LinkedHashMap<>(Map.of("grant_type", "authorization_code",
                "code", callback.get("code"), "redirect_uri", redirectUri, "client_id", client.id(),
                "code_verifier", verifier));
        if (client.secret() != null) {
            exchange.put("client_secret", client.secret());
        }
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(realm + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(exchange))).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("token exchange: HTTP " + token.statusCode() + " " + token.body());
        }
        var json = Json.createReader(new StringReader(token.body())).readObject();
        Map<String, String> out = new LinkedHashMap<>();
        json.forEach((k, v) -> out.put(k, v.getValueType() == jakarta.json.JsonValue.ValueType.STRING
                ? json.getString(k) : v.toString()));
        return out;
    }

    /**
     * A cookie store that, like browsers, treats {@code http://localhost} as a secure context: Keycloak marks its
     * session cookies {@code Secure}, which {@link CookieManager} alone would then never send over plain HTTP.
     */
    public static final class LocalhostCookies extends CookieHandler {
        private final CookieManager jar = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return jar.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> plain = new HashMap<>();
            headers.forEach((name, values) -> plain.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(c -> c.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            jar.put(uri, plain);
        }
    }

    /** Follows redirects by hand (keeping cookies) until a page, or a redirect to the app's own URI. */
    private static HttpResponse<String> follow(HttpClient http, HttpRequest first, String redirectUri)
            throws IOException, InterruptedException {
        return follow(http, http.send(first, HttpResponse.BodyHandlers.ofString()), redirectUri);
    }

    private static HttpResponse<String> follow(HttpClient http, HttpResponse<String> response, String redirectUri)
            throws IOException, InterruptedException {
        for (int hops = 0; hops < 20; hops++) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null || location.startsWith(redirectUri)) {
                return response;
            }
            response = http.send(get(response.uri().resolve(location).toString()), HttpResponse.BodyHandlers.ofString());
        }
        throw new IllegalStateException("too many redirects");
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept-Language", "ru").GET().build();
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                q.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }
}
