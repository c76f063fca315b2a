package kz.qatysu.dashboard.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import kz.qatysu.platform.testing.ClosedLoopLoad;
import kz.qatysu.platform.testing.MobileTokens;

/**
 * Page-render benchmark of the staff dashboards with the demo's synthetic electorate: N analysts, each signed in
 * through Keycloak's staff login (its own portal session and HTTP connection), request a page in a closed loop;
 * after a warm-up, the wall time of every full response (server render of the page with its charts' data and the
 * first page of its lazy tables) is recorded. Prints one tab-separated line per page and client count: page,
 * clients, think time, pages/s, p50, p95, p99, max (ms), requests, errors.
 * <p>
 * Arguments: portal URL, page paths (comma-separated, e.g. {@code /staff/dashboard.xhtml}), client counts
 * (comma-separated), warm-up seconds, measured seconds, staff user (its password is {@code demo}), mean think time
 * between a client's requests in milliseconds (0: none, the next request as soon as the page arrived).
 */
public final class DashboardPageBenchmark {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*\\baction=\"([^\"]+)\"");

    private DashboardPageBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String portal = args[0];
        List<String> pages = Arrays.asList(args[1].split(","));
        int[] clientCounts = Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray();
        int warmup = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String user = args.length > 5 ? args[5] : "analyst";
        long think = args.length > 6 ? Long.parseLong(args[6]) : 0;
        int maxClients = Arrays.stream(clientCounts).max().orElse(1);

        List<HttpClient> sessions = new ArrayList<>();
        for (int i = 0; i < maxClients; i++) {
            sessions.add(signIn(portal, user));
        }
        System.err.printf("%d %s sessions signed in%n", sessions.size(), user);
        System.out.println("page\tclients\tthink_ms\tper_s\tp50_ms\tp95_ms\tp99_ms\tmax_ms\trequests\terrors");
        for (String page : pages) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(portal + page)).timeout(Duration.ofSeconds(60))
                    .header("Accept-Language", "ru").GET().build();
            for (int clients : clientCounts) {
                ClosedLoopLoad.Result r = ClosedLoopLoad.run(clients, warmup, seconds, think, client -> {
                    HttpResponse<String> response = sessions.get(client).send(request, HttpResponse.BodyHandlers.ofString());
                    return response.statusCode() == 200 && response.body().contains("</html>")
                            && !response.body().contains("kc-form-login");
                });
                System.out.printf("%s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.1f\t%.1f\t%d\t%d%n", page, clients, think, r.perSecond(),
                        r.percentileMillis(0.50), r.percentileMillis(0.95), r.percentileMillis(0.99),
                        r.percentileMillis(1.0), r.count(), r.errors());
            }
        }
    }

    /**
     * Signs a staff user in as a browser would: the portal's staff login, Keycloak's identity-first form (login
     * name, then password), back to the portal's staff pages with a session cookie.
     */
    static HttpClient signIn(String portal, String user) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new MobileTokens.LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> page = follow(http, http.send(get(portal + "/login?to=staff"), HttpResponse.BodyHandlers.ofString()));
        page = follow(http, post(http, page, Map.of("username", user)));
        page = follow(http, post(http, page, Map.of("password", "demo", "credentialId", "")));
        if (page.statusCode() != 200 || !page.uri().getPath().startsWith("/staff")) {
            throw new IllegalStateException("staff sign-in of " + user + " ended on " + page.uri() + " (HTTP "
                    + page.statusCode() + ")");
        }
        return http;
    }

    private static HttpResponse<String> post(HttpClient http, HttpResponse<String> page, Map<String, String> fields)
            throws Exception {
        Matcher action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no login form at " + page.uri() + " (HTTP " + page.statusCode() + ")");
        }
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(page.uri().resolve(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> follow(HttpClient http, HttpResponse<String> response) throws Exception {
        for (int hops = 0; hops < 20; hops++) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                return response;
            }
            response = http.send(get(response.uri().resolve(location).toString()), HttpResponse.BodyHandlers.ofString());
        }
        throw new IllegalStateException("too many redirects");
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build();
    }
}
