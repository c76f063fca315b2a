package kz.qatysu.registry.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;
import kz.qatysu.platform.json.CanonicalJson;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.platform.signing.TestKeystores;
import kz.qatysu.registry.application.Delivery;
import kz.qatysu.registry.application.DeliveryResult;
import kz.qatysu.registry.application.OutboundMessage;
import kz.qatysu.registry.application.RegistryGateway;
import kz.qatysu.registry.domain.AllocationNoticeJson;
import kz.qatysu.registry.domain.Notices;
import kz.qatysu.registry.domain.RegistryTarget;
import kz.qatysu.registry.domain.TransportKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistrySimulatorTest {

    @TempDir
    Path store;

    private final SigningKeys keys = TestKeystores.platform();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private RegistrySimulator simulator;
    private RegistryGateway gateway;

    @BeforeEach
    void start() throws IOException {
        simulator = RegistrySimulator.start(new InetSocketAddress("127.0.0.1", 0), keys.certificate(),
                store);
        gateway = new RegistryGateway(keys, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        simulator.close();
        gateway.close();
        http.close();
    }

    @Test
    void answersHealthChecks() throws Exception {
        HttpResponse<String> health = get("/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health.body()).getString("status")).isEqualTo("UP");
    }

    @Test
    void theControlApiSwitchesTheRegistryToFailingAndBack() throws Exception {
        HttpResponse<String> failing = post("/control/treasury", "{\"mode\":\"error500\"}");
        Delivery duringFailure = deliverRest("k-1", 1);
        post("/control/treasury", "{\"mode\":\"ok\"}");
        Delivery afterwards = deliverRest("k-1", 1);

        assertThat(failing.statusCode()).isEqualTo(200);
        assertThat(json(failing.body()).getString("mode")).isEqualTo("error500");
        assertThat(duringFailure.result()).isEqualTo(DeliveryResult.RETRY);
        assertThat(afterwards.result()).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(json(get("/control/treasury").body()).getString("mode")).isEqualTo("ok");
    }

    @Test
    void theControlApiRefusesWhatItDoesNotKnow() throws Exception {
        assertThat(post("/control/treasury", "{\"mode\":\"explode\"}").statusCode()).isEqualTo(400);
        assertThat(post("/control/treasury", "{\"later\":true}").statusCode()).isEqualTo(400);
        assertThat(post("/control/treasury", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void aRegistryDownForAWhileAnswersAgainAfterwards() throws Exception {
        post("/control/treasury", "{\"downForMs\":1000}");

        Delivery whileDown = deliverRest("k-1", 1);
        Thread.sleep(1100);
        Delivery afterwards = deliverRest("k-1", 1);

        assertThat(whileDown.status()).isEqualTo(503);
        assertThat(afterwards.result()).isEqualTo(DeliveryResult.DELIVERED);
    }

    @Test
    void listsWhatItReceivedWithDigestsAndDeliveryCounts() throws Exception {
        deliverRest("k-1", 1);
        deliverRest("k-1", 1);

        JsonObject listing = json(get("/received/treasury").body());

        JsonObject message = listing.getJsonArray("messages").getJsonObject(0);
        assertThat(message.getString("key")).isEqualTo("k-1");
        assertThat(message.getInt("round")).isEqualTo(12);
        assertThat(message.getInt("version")).isEqualTo(1);
        assertThat(message.getInt("deliveries")).isEqualTo(2);
        assertThat(message.getString("bodyDigest"))
                .isEqualTo(CanonicalJson.sha256Hex(AllocationNoticeJson.toJson(Notices.notice(12, 1))));
        assertThat(listing.getJsonArray("messages")).hasSize(1);
    }

    @Test
    void flagsAVersionThatArrivesAfterAHigherOne() {
        deliverRest("k-v2", 2);
        deliverRest("k-v1", 1);
        deliverRest("k-v3", 3);

        assertThat(simulator.outOfOrder("treasury")).containsExactly(new OutOfOrder(12, 1, 2, "k-v1"));
        assertThat(simulator.received("treasury")).extracting(ReceivedMessage::outOfOrder)
                .containsExactly(false, true, false);
    }

    @Test
    void keepsStoredMessagesInItsDirectory() throws Exception {
        deliverRest("k-rest", 1);
        gateway.deliver(message("k-soap", 1), new RegistryTarget("self-government", TransportKind.SOAP,
                simulator.soapEndpoint("self-government"), "qatysu", Duration.ofSeconds(5), null));

        try (Stream<Path> files = Files.walk(store)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> store.relativize(p).toString()))
                    .containsExactlyInAnyOrder("treasury/12-v1-k-rest.json", "treasury/12-v1-k-rest.jws",
                            "self-government/12-v1-k-soap.json", "self-government/12-v1-k-soap.xml");
        }
        assertThat(Files.readAllBytes(store.resolve("treasury/12-v1-k-rest.json")))
                .isEqualTo(AllocationNoticeJson.toJson(Notices.notice(12, 1)));
    }

    @Test
    void refusesAnUnsignedRestDelivery() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(simulator.restEndpoint("treasury"))
                .header("Idempotency-Key", "k-1").header("X-Qatysu-Sender", "qatysu")
                .POST(HttpRequest.BodyPublishers.ofByteArray(message("k-1", 1).body())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).getString("detail")).contains("signature refused: no signature");
        assertThat(simulator.received("treasury")).isEmpty();
    }

    @Test
    void aSoapRequestWithAnExternalEntityGetsASenderFault() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE e [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>&x;"
                + "</soap:Body></soap:Envelope>";

        HttpResponse<String> response = post("/soap/self-government", xxe);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("soap:Sender").contains("DOCTYPE").doesNotContain("root:");
    }

    @Test
    void unknownPathsAndRegistryNamesAreNotFound() throws Exception {
        assertThat(get("/nothing/here").statusCode()).isEqualTo(404);
        assertThat(get("/received/Not_A_Name").statusCode()).isEqualTo(404);
        assertThat(get("/rest/treasury").statusCode()).isEqualTo(405);
        assertThatThrownBy(() -> simulator.received("../x")).isInstanceOf(IllegalArgumentException.class);
    }

    private Delivery deliverRest(String key, int version) {
        return gateway.deliver(message(key, version), new RegistryTarget("treasury", TransportKind.REST_JWS,
                simulator.restEndpoint("treasury"), "qatysu", Duration.ofSeconds(5), null));
    }

    private static OutboundMessage message(String key, int version) {
        return new OutboundMessage(key, "allocation", 12, version,
                AllocationNoticeJson.toJson(Notices.notice(12, version)));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + simulator.port() + path);
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
