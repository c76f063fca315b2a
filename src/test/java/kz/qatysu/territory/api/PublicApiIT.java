package kz.qatysu.territory.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import kz.qatysu.platform.testing.SharedPortal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The public open-data API over HTTP (territories, rounds, proposals), as an open-data consumer sees it. */
@ExtendWith(SharedPortal.class)
public class PublicApiIT {

    private static final String BASE = "http://localhost:" + System.getProperty("qatysu.it.port", "18080");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String path, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    @Test
    public void listsTheTopLevelUnitsInCodeOrder() throws Exception {
        HttpResponse<String> response = get("/api/v1/territories?parent=top&size=50", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonObject page = json(response);
        JsonArray items = page.getJsonArray("items");
        List<String> codes = items.getValuesAs(JsonObject.class).stream().map(o -> o.getString("code")).toList();
        assertThat(codes).contains("710000000", "750000000", "790000000").isSorted();
        assertThat(page.getJsonNumber("total").longValue()).isEqualTo(codes.size());
    }

    @Test
    public void listsTheDistrictsOfAlmatyWithNamesInThreeLanguages() throws Exception {
        JsonObject page = json(get("/api/v1/territories?parent=750000000", null));

        JsonObject bostandyk = page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("code").equals("751410000")).findFirst().orElseThrow();
        assertThat(bostandyk.getString("nameKk")).isEqualTo("Бостандық ауданы");
        assertThat(bostandyk.getString("nameRu")).isEqualTo("Бостандыкский район");
        assertThat(bostandyk.getString("nameEn")).isEqualTo("Bostandyk District");
        assertThat(bostandyk.getString("parent")).isEqualTo("750000000");
    }

    @Test
    public void oneTerritoryComesWithItsPath() throws Exception {
        JsonObject detail = json(get("/api/v1/territories/751410000", null));

        assertThat(detail.getJsonArray("path").getValuesAs(JsonObject.class))
                .extracting(o -> o.getString("code")).containsExactly("750000000", "751410000");
        assertThat(detail.getJsonObject("territory").getString("edition")).isNotBlank();
    }

    @Test
    public void aMalformedParameterIsALocalisedProblemThatDoesNotEchoTheInput() throws Exception {
        HttpResponse<String> response = get("/api/v1/territories?parent=%3Cscript%3Ealert(1)%3C/script%3E", "ru");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonObject problem = json(response);
        assertThat(problem.getString("code")).isEqualTo("invalid-parameter");
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("title")).isEqualTo("Неверный параметр запроса");
        assertThat(response.body()).doesNotContain("<script>").doesNotContain("alert(1)");

        assertThat(get("/api/v1/territories?size=100000", "kk").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/territories?page=-1", "en").statusCode()).isEqualTo(400);
    }

    @Test
    public void anUnknownTerritoryIsNotFound() throws Exception {
        HttpResponse<String> response = get("/api/v1/territories/799999999", "en");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).getString("code")).isEqualTo("not-found");
    }

    @Test
    public void theApiIsDocumentedByOpenApi() throws Exception {
        HttpResponse<String> response = get("/openapi", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/territories").contains("Qatysu API");
    }

    private static JsonObject bostandykRound() throws Exception {
        JsonObject page = json(get("/api/v1/rounds?size=500", null));
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("territory").equals("751410000"))
                // other ITs create rounds for Bostandyk too: the demo one is known by its title
                .filter(r -> r.getJsonObject("title").getString("kk").startsWith("Бостандық ауданының"))
                .findFirst().orElseThrow();
    }

    @Test
    public void theDemoRoundInVotingPublishesItsFrozenRulesWithTheirHash() throws Exception {
        JsonObject page = json(get("/api/v1/rounds?size=500", null));
        JsonObject astana = page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("territory").equals("710000000")).findFirst().orElseThrow();

        assertThat(astana.getString("phase")).isEqualTo("voting");
        String manifest = astana.getString("manifest");
        assertThat(astana.getString("manifestSha256")).matches("[0-9a-f]{64}")
                .isEqualTo(kz.qatysu.platform.json.CanonicalJson.sha256Hex(manifest));
        JsonObject proposals = json(get("/api/v1/rounds/" + astana.getJsonNumber("id").longValue() + "/proposals", null));
        assertThat(proposals.getJsonArray("items").getValuesAs(JsonObject.class)).extracting(p -> p.getString("status"))
                .contains("on-ballot", "infeasible");
    }

    @Test
    public void theDemoRoundOfBostandykIsPublishedWithItsTitlesPhaseAndBudget() throws Exception {
        JsonObject round = bostandykRound();

        assertThat(round.getJsonObject("title").getString("kk")).contains("Бостандық");
        assertThat(round.getString("phase")).isEqualTo("moderation-and-review");
        assertThat(round.getJsonNumber("budget").longValue()).isEqualTo(300_000_000L);
        assertThat(round.get("manifestSha256")).as("no manifest before voting").isIn(null, jakarta.json.JsonValue.NULL);
        JsonObject same = json(get("/api/v1/rounds/" + round.getJsonNumber("id").longValue(), "en"));
        assertThat(same.getString("allocationRule")).isEqualTo("greedy_cost");
    }

    @Test
    public void onlyModeratedProposalsArePublicWithTheirAssessedCost() throws Exception {
        long id = bostandykRound().getJsonNumber("id").longValue();

        JsonObject page = json(get("/api/v1/rounds/" + id + "/proposals", null));

        List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).extracting(p -> p.getString("status"))
                .isNotEmpty()
                .doesNotContain("draft", "submitted", "under-moderation", "returned-for-changes", "withdrawn")
                .contains("feasible", "infeasible", "under-review", "accepted", "rejected");
        assertThat(items).filteredOn(p -> p.getString("status").equals("feasible"))
                .allSatisfy(p -> assertThat(p.getJsonNumber("assessedCost").longValue()).isPositive());
        assertThat(page.toString()).doesNotContain("800416").doesNotContain("citizen");
    }

    @Test
    public void anUnknownOrMalformedRoundIsAProblem() throws Exception {
        assertThat(get("/api/v1/rounds/999999999", "en").statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/rounds/999999999/proposals", "en").statusCode()).isEqualTo(404);
        HttpResponse<String> malformed = get("/api/v1/rounds/abc", "kk");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).getString("code")).isEqualTo("invalid-parameter");
    }
}
