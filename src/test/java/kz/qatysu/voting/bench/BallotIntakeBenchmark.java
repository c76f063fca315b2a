package kz.qatysu.voting.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.platform.testing.ClosedLoopLoad;
import kz.qatysu.platform.testing.MobileTokens;

/**
 * Ballot intake over the mobile API, with authentication, as a real client fleet would load it: registers synthetic
 * residents of Bostandyk in the stand-in eGov realm (Keycloak admin API), signs each in through the
 * {@code qatysu-mobile} client (authorization code + PKCE, brokered by eGov) for a bearer token, then runs
 * closed-loop clients — each one person casting and re-casting a random valid ballot of the Bostandyk approval round
 * — for a warm-up and a measured interval per client count. Prints sustained ballots per second and p50/p99 latency;
 * then the same for two lighter requests through the same stack (reading my ballot with the token; the public round,
 * no token) to show how much of a cast is the platform's HTTP, security and persistence stack.
 * Run by {@code bench/ballot-intake-benchmark.sh}, which also measures PostgreSQL's own ceiling with pgbench.
 *
 * <p>Arguments: portal URL, Keycloak URL, Keycloak admin password, client counts (comma-separated), warm-up seconds,
 * measured seconds.
 */
public final class BallotIntakeBenchmark {

    private static final String ROUND_TITLE_RU = "Бостандык: безопасные улицы 2026";

    private BallotIntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String portal = args[0];
        String keycloak = args[1];
        String adminPassword = args[2];
        int[] clientCounts = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        int warmup = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        int people = Arrays.stream(clientCounts).max().orElseThrow();

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> iins = registerResidents(http, keycloak, adminPassword, people);
        long started = System.nanoTime();
        List<String> tokens = new ArrayList<>();
        for (String iin : iins) {
            tokens.add(MobileTokens.citizenToken(keycloak, iin, "bench"));
        }
        System.err.printf("%d bearer tokens through PKCE in %.1f s%n", tokens.size(), (System.nanoTime() - started) / 1e9);

        JsonObject round = votingRound(http, portal, tokens.get(0));
        long roundId = Long.parseLong(round.getString("id"));
        List<Long> projects = round.getJsonArray("proposals").getValuesAs(JsonObject.class).stream()
                .map(p -> Long.parseLong(p.getString("id"))).toList();
        int maxPicks = round.getInt("maxPicks");
        System.err.printf("round %d, %d projects, up to %d picks%n", roundId, projects.size(), maxPicks);

        URI ballot = URI.create(portal + "/api/v1/rounds/" + roundId + "/ballot");
        URI publicRound = URI.create(portal + "/api/v1/rounds/" + roundId);
        Map<String, java.util.function.Function<String, HttpRequest>> kinds = new java.util.LinkedHashMap<>();
        // The cast, and two lighter requests through the same stack, to show where the time goes.
        kinds.put("cast", token -> HttpRequest.newBuilder(ballot).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(randomBallot(projects, maxPicks))).build());
        kinds.put("read-my-ballot", token -> HttpRequest.newBuilder(ballot).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).GET().build());
        kinds.put("public-round", token -> HttpRequest.newBuilder(publicRound).timeout(Duration.ofSeconds(30))
                .GET().build());
        System.out.println("what\tclients\tper_s\tp50_ms\tp99_ms\tmax_ms\trequests\terrors");
        for (var kind : kinds.entrySet()) {
            for (int clients : clientCounts) {
                // One connection per client, like one phone.
                List<HttpClient> phones = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    phones.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(Duration.ofSeconds(10)).build());
                }
                ClosedLoopLoad.Result r = ClosedLoopLoad.run(clients, warmup, seconds, client -> {
                    int status = phones.get(client).send(kind.getValue().apply(tokens.get(client)),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    return status == 201 || status == 200;
                });
                System.out.printf("%s\t%d\t%.0f\t%.1f\t%.1f\t%.1f\t%d\t%d%n", kind.getKey(), clients,
                        r.perSecond(), r.percentileMillis(0.50), r.percentileMillis(0.99), r.percentileMillis(1.0),
                        r.count(), r.errors());
            }
        }
    }

    private static String randomBallot(List<Long> projects, int maxPicks) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<Long> shuffled = new ArrayList<>(projects);
        java.util.Collections.shuffle(shuffled, random);
        int picks = 1 + random.nextInt(Math.min(maxPicks, shuffled.size()));
        return shuffled.subList(0, picks).stream().map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(",", "{\"projects\":[", "]}"));
    }

    /** The Bostandyk approval round among the rounds open to the caller. */
    private static JsonObject votingRound(HttpClient http, String portal, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(portal + "/api/v1/me/rounds"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /api/v1/me/rounds: " + response.statusCode() + " " + response.body());
        }
        JsonArray rounds = Json.createReader(new StringReader(response.body())).readArray();
        return rounds.getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getJsonObject("title").getString("ru").equals(ROUND_TITLE_RU)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no open round titled " + ROUND_TITLE_RU));
    }

    /** Synthetic residents of Bostandyk in the eGov realm (born in the 1800s: no living person holds these IINs). */
    private static List<String> registerResidents(HttpClient http, String keycloak, String adminPassword, int n)
            throws Exception {
        HttpResponse<String> tokenResponse = http.send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "password",
                        "client_id", "admin-cli", "username", "admin", "password", adminPassword)))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (tokenResponse.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin login: " + tokenResponse.statusCode());
        }
        String admin = Json.createReader(new StringReader(tokenResponse.body())).readObject().getString("access_token");
        List<String> iins = new ArrayList<>();
        while (iins.size() < n) {
            String iin = SyntheticIins.next();
            String birth = "18" + iin.substring(0, 2) + "-" + iin.substring(2, 4) + "-" + iin.substring(4, 6);
            JsonObject user = Json.createObjectBuilder()
                    .add("username", iin).add("enabled", true)
                    .add("attributes", Json.createObjectBuilder()
                            .add("iin", Json.createArrayBuilder().add(iin))
                            .add("surname", Json.createArrayBuilder().add("Сынақов"))
                            .add("name", Json.createArrayBuilder().add("Өлшем"))
                            .add("patronymic", Json.createArrayBuilder().add("Жүктемеұлы"))
                            .add("birthdate", Json.createArrayBuilder().add(birth))
                            .add("kato", Json.createArrayBuilder().add("751410000")))
                    .add("credentials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "password").add("value", "bench").add("temporary", false)))
                    .add("requiredActions", JsonValue.EMPTY_JSON_ARRAY)
                    .build();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(
                            URI.create(keycloak + "/admin/realms/egov/users"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(user.toString())).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() == 201) {
                iins.add(iin);
            } else if (created.statusCode() != 409) {
                throw new IllegalStateException("creating an eGov user: " + created.statusCode() + " " + created.body());
            }
        }
        return iins;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
