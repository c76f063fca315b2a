package kz.qatysu.voting;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.KeycloakServer;
import kz.qatysu.platform.testing.MobileTokens;
import kz.qatysu.platform.testing.Portal;
import kz.qatysu.platform.testing.SharedPortal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mobile API journey with real tokens: a citizen signs in through Keycloak as the app does (authorization code +
 * PKCE, brokered by the stand-in eGov), lists the rounds open to them, casts, reads back and changes a ballot; every
 * token that does not prove a mobile citizen (none, altered, the portal's, the eGov realm's) is refused with 401, and
 * every bad body or broken rule with its problem document, storing nothing.
 */
@ExtendWith({KeycloakServer.class, SharedPortal.class})
public class MobileApiIT {

    private static final String API = Portal.URL + "/api/v1";
    private static final String BOSTANDYK_ROUND = "Бостандык: безопасные улицы 2026";
    private static final String ESIL_ROUND = "Есиль: зелёные дворы 2026";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static String neighbour;

    @BeforeAll
    static void signIn() throws Exception {
        neighbour = MobileTokens.citizenToken(KeycloakServer.url(), "871130200112", "demo");
    }

    private record Answer(int status, String contentType, String wwwAuthenticate, String body) {
        JsonObject object() {
            return (JsonObject) json();
        }

        JsonStructure json() {
            return Json.createReader(new StringReader(body)).read();
        }
    }

    private static Answer send(String method, String path, String token, String body, String language) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(API + path)).header("Accept-Language", language);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("WWW-Authenticate").orElse(null), r.body());
    }

    private static JsonObject round(String token, String titleRu) throws Exception {
        Answer rounds = send("GET", "/me/rounds", token, null, "ru");
        assertThat(rounds.status()).as(rounds.body()).isEqualTo(200);
        return ((JsonArray) rounds.json()).getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getJsonObject("title").getString("ru").equals(titleRu)).findFirst().orElseThrow();
    }

    private static List<String> projects(JsonObject round) {
        return round.getJsonArray("proposals").getValuesAs(JsonObject.class).stream().map(p -> p.getString("id")).toList();
    }

    private static long ballots() throws Exception {
        return Database.count("select count(*) from ballot");
    }

    @Test
    void aCitizenVotesAndChangesTheBallotWithAPkceToken() throws Exception {
        JsonObject round = round(neighbour, BOSTANDYK_ROUND);
        assertThat(round.getString("ballotKind")).isEqualTo("APPROVAL");
        assertThat(round.getInt("maxPicks")).isEqualTo(3);
        assertThat(round.getString("rulesManifestSha256")).matches("[0-9a-f]{64}");
        List<String> p = projects(round);
        assertThat(p).hasSizeGreaterThanOrEqualTo(4);
        String id = round.getString("id");
        Answer before = send("GET", "/rounds/" + id + "/ballot", neighbour, null, "en");
        int version = before.status() == 200 ? before.object().getInt("version") : 0;

        // A forged voter id in the body is ignored: the ballot is the token subject's.
        String choice = "{\"projects\": [\"" + p.get(0) + "\", \"" + p.get(2) + "\"], \"voter\": \"800416100254\"}";
        Answer cast = send("POST", "/rounds/" + id + "/ballot", neighbour, choice, "en");
        assertThat(cast.status()).as(cast.body()).isEqualTo(201);
        String receipt = cast.object().getString("receipt");
        assertThat(receipt).matches("[0-9a-f]{64}");
        assertThat(cast.object().getInt("version")).isEqualTo(version + 1);

        Answer again = send("POST", "/rounds/" + id + "/ballot", neighbour,
                "{\"projects\": [\"" + p.get(2) + "\", \"" + p.get(0) + "\"]}", "en");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.object().getString("receipt")).isEqualTo(receipt);

        Answer mine = send("GET", "/rounds/" + id + "/ballot", neighbour, null, "en");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.object().getString("receipt")).isEqualTo(receipt);
        assertThat(mine.object().getString("channel")).isEqualTo("MOBILE");
        assertThat(mine.object().getJsonArray("projects").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactlyInAnyOrder(p.get(0), p.get(2));

        Answer changed = send("POST", "/rounds/" + id + "/ballot", neighbour, "{\"projects\": [" + p.get(1) + "]}", "en");
        assertThat(changed.status()).isEqualTo(201);
        assertThat(changed.object().getInt("version")).isEqualTo(version + 2);
        assertThat(send("GET", "/rounds/" + id + "/ballot", neighbour, null, "en").object().getString("receipt"))
                .isEqualTo(changed.object().getString("receipt")).isNotEqualTo(receipt);
        // The resident named in the forged body has no ballot from this.
        assertThat(Database.count("select count(*) from voting_participation v join citizen c on c.id = v.citizen_id "
                + "where c.iin = '871130200112' and v.round_id = ? and v.channel = 'MOBILE'", Long.parseLong(id))).isEqualTo(1);

        // Receipts are public after the close only.
        Answer early = send("GET", "/rounds/" + id + "/receipts/" + receipt, null, null, "kk");
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.object().getString("code")).isEqualTo("receipts-not-published");
        assertThat(send("GET", "/rounds/" + id + "/receipts/xyz", null, null, "en").object().getString("code"))
                .isEqualTo("malformed-receipt");
    }

    @Test
    void tokensThatDoNotProveAMobileCitizenAreRefused() throws Exception {
        String id = round(neighbour, BOSTANDYK_ROUND).getString("id");
        String body = "{\"projects\": [\"1\"]}";
        long before = ballots();

        Answer none = send("POST", "/rounds/" + id + "/ballot", null, body, "en");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.contentType()).startsWith("application/problem+json");
        assertThat(none.object().getString("code")).isEqualTo("unauthorized");
        assertThat(none.wwwAuthenticate()).startsWith("Bearer");

        String[] parts = neighbour.split("\\.");
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("871130200112", "800416100254").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String portalToken = MobileTokens.tokens(KeycloakServer.url(), new MobileTokens.Client("qatysu-portal",
                System.getenv("QATYSU_OIDC_CLIENT_SECRET"), Portal.URL + "/callback"), "871130200112", "demo").get("access_token");
        String egovToken = MobileTokens.egovToken(KeycloakServer.url(), System.getenv("QATYSU_BROKER_CLIENT_SECRET"),
                "871130200112", "demo");
        for (String bad : List.of(parts[0] + "." + otherPayload + "." + parts[2], portalToken, egovToken, "garbage",
                neighbour + "x")) {
            Answer refused = send("POST", "/rounds/" + id + "/ballot", bad, body, "ru");
            assertThat(refused.status()).as(bad.substring(0, Math.min(8, bad.length()))).isEqualTo(401);
            assertThat(refused.object().getString("code")).isEqualTo("invalid-token");
            assertThat(refused.object().getString("title")).isEqualTo("Недействительный токен доступа");
            assertThat(refused.wwwAuthenticate()).contains("invalid_token");
        }
        assertThat(send("GET", "/me/rounds", portalToken, null, "en").status()).isEqualTo(401);
        assertThat(send("GET", "/me/rounds", egovToken, null, "en").status()).isEqualTo(401);
        assertThat(ballots()).isEqualTo(before);
        // The open-data API needs no token and ignores none.
        assertThat(send("GET", "/rounds/" + id, null, null, "en").status()).isEqualTo(200);
    }

    @Test
    void badBodiesAndBrokenRulesAreProblemsThatStoreNothing() throws Exception {
        JsonObject bostandyk = round(neighbour, BOSTANDYK_ROUND);
        String id = bostandyk.getString("id");
        List<String> p = projects(bostandyk);
        long before = ballots();
        for (String body : List.of("", "[]", "{\"projects\": \"x\"}", "{\"projects\": [\"1\"], \"points\": {\"1\": 1}}",
                "{\"projects\": [\"abc\"]}", "{\"points\": {\"1\": 1.5}}")) {
            Answer a = send("POST", "/rounds/" + id + "/ballot", neighbour, body, "en");
            assertThat(a.status()).as(body).isEqualTo(400);
            assertThat(a.object().getString("code")).isEqualTo("invalid-ballot-body");
        }
        Answer tooMany = send("POST", "/rounds/" + id + "/ballot", neighbour,
                "{\"projects\": [\"" + String.join("\",\"", p) + "\"]}", "kk");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.object().getString("code")).isEqualTo("too-many-picks");
        assertThat(tooMany.object().getString("title")).isEqualTo("Ережелер бойынша қабылданбады");
        Answer duplicate = send("POST", "/rounds/" + id + "/ballot", neighbour,
                "{\"projects\": [\"" + p.get(0) + "\",\"" + p.get(0) + "\"]}", "en");
        assertThat(duplicate.object().getString("code")).isEqualTo("duplicate-pick");
        Answer points = send("POST", "/rounds/" + id + "/ballot", neighbour, "{\"points\": {\"" + p.get(0) + "\": 2}}", "en");
        assertThat(points.object().getString("code")).isEqualTo("points-on-approval");

        // Another round's project; a round not in voting; a round the citizen does not live in.
        String esil = Long.toString(Database.count("select id from budget_round where title_ru = ?", ESIL_ROUND));
        long esilProject = Database.count("select min(id) from proposal where round_id = ? and status = 'ON_BALLOT'",
                Long.parseLong(esil));
        assertThat(send("POST", "/rounds/" + id + "/ballot", neighbour, "{\"projects\": [\"" + esilProject + "\"]}", "en")
                .object().getString("code")).isEqualTo("not-on-ballot");
        Answer foreign = send("POST", "/rounds/" + esil + "/ballot", neighbour, "{\"projects\": [\"" + esilProject + "\"]}", "ru");
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.object().getString("code")).isEqualTo("not-resident");
        assertThat(foreign.object().getString("detail")).contains("жители");
        long notVoting = Database.count("select min(id) from budget_round where phase = 'MODERATION_AND_REVIEW'");
        assertThat(send("POST", "/rounds/" + notVoting + "/ballot", neighbour, "{\"projects\": [\"1\"]}", "en")
                .object().getString("code")).isEqualTo("voting-not-open");
        assertThat(send("POST", "/rounds/999999999/ballot", neighbour, "{\"projects\": [\"1\"]}", "en").status()).isEqualTo(404);
        assertThat(ballots()).isEqualTo(before);
        assertThat(round(neighbour, BOSTANDYK_ROUND)).isNotNull();
        assertThat(send("GET", "/me/rounds", neighbour, null, "en").body()).doesNotContain(ESIL_ROUND);
    }
}
