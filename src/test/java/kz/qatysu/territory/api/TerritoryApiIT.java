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
import kz.qatysu.platform.testing.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The public territories API over HTTP, as an open-data consumer sees it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public class TerritoryApiIT {

    private static final String BASE = "http://localhost:" + System.getProperty("qatysu.it.port", "18080");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment(testable = false)
    public static WebArchive deployment() {
        return Deployments.portal();
    }

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
}
