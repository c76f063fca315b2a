package kz.qatysu.registry.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import kz.qatysu.platform.json.CanonicalJson;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.platform.signing.TestKeystores;
import kz.qatysu.registry.domain.AllocationNoticeJson;
import kz.qatysu.registry.domain.Notices;
import kz.qatysu.registry.domain.RegistryTarget;
import kz.qatysu.registry.domain.TransportKind;
import kz.qatysu.registry.simulator.FailMode;
import kz.qatysu.registry.simulator.ReceivedMessage;
import kz.qatysu.registry.simulator.RegistrySimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestJwsTransportTest {

    private final SigningKeys keys = TestKeystores.platform();
    private RegistrySimulator simulator;
    private HttpClient http;

    @BeforeEach
    void startRegistry() throws IOException {
        simulator = RegistrySimulator.start(0, keys.certificate());
        http = RegistryHttp.newClient(Duration.ofSeconds(2));
    }

    @AfterEach
    void stopRegistry() {
        simulator.close();
        http.close();
    }

    @Test
    void deliversTheSignedNoticeAndTheRegistryStoresIt() {
        OutboundMessage message = message("alloc-12-v1-treasury", 1);

        Delivery delivery = new RestJwsTransport(keys, http).deliver(message, treasury(Duration.ofSeconds(5)));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(delivery.status()).isEqualTo(202);
        assertThat(delivery.responseDigest()).matches("[0-9a-f]{64}");
        assertThat(simulator.received("treasury")).singleElement().satisfies(received -> {
            assertThat(received.idempotencyKey()).isEqualTo("alloc-12-v1-treasury");
            assertThat(received.transport()).isEqualTo("rest");
            assertThat(received.senderId()).isEqualTo("qatysu-test");
            assertThat(received.bodyDigest()).isEqualTo(CanonicalJson.sha256Hex(message.body()));
            assertThat(received.notice()).isEqualTo(Notices.notice(12, 1));
        });
    }

    @Test
    void aSecondDeliveryOfTheSameKeyIsAlreadyReceivedAndStoredOnce() {
        RestJwsTransport transport = new RestJwsTransport(keys, http);
        transport.deliver(message("alloc-12-v1-treasury", 1), treasury(Duration.ofSeconds(5)));

        Delivery again = transport.deliver(message("alloc-12-v1-treasury", 1), treasury(Duration.ofSeconds(5)));

        assertThat(again.result()).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.detail()).contains("already had");
        assertThat(simulator.received("treasury")).singleElement()
                .extracting(ReceivedMessage::deliveries).isEqualTo(2);
    }

    @Test
    void aServerErrorIsRetried() {
        simulator.failMode("treasury", FailMode.error500());

        Delivery delivery = deliver(Duration.ofSeconds(5));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.RETRY);
        assertThat(delivery.status()).isEqualTo(500);
        assertThat(simulator.received("treasury")).isEmpty();
    }

    @Test
    void aRegistryThatIsDownIsRetried() {
        simulator.failMode("treasury", FailMode.downFor(Duration.ofMinutes(1)));

        Delivery delivery = deliver(Duration.ofSeconds(5));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.RETRY);
        assertThat(delivery.status()).isEqualTo(503);
    }

    @Test
    void aRefusedConnectionIsRetried() {
        RegistryTarget target = treasury(Duration.ofSeconds(5));
        simulator.close();

        Delivery delivery = new RestJwsTransport(keys, http).deliver(message("alloc-12-v1-treasury", 1), target);

        assertThat(delivery.result()).isEqualTo(DeliveryResult.RETRY);
        assertThat(delivery.status()).isZero();
        assertThat(delivery.responseDigest()).isNull();
        assertThat(delivery.detail()).contains("refused or unreachable");
    }

    @Test
    void noAnswerWithinTheTimeoutIsRetried() {
        simulator.failMode("treasury", FailMode.timeout(Duration.ofSeconds(5)));

        Delivery delivery = deliver(Duration.ofMillis(300));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.RETRY);
        assertThat(delivery.status()).isZero();
        assertThat(delivery.detail()).contains("timeout").contains("PT0.3S");
        assertThat(simulator.received("treasury")).isEmpty();
    }

    @Test
    void aTimeoutAfterAcceptingIsRetriedAndStoredOnce() {
        simulator.failMode("treasury", FailMode.acceptThenTimeout(Duration.ofSeconds(5)));
        RestJwsTransport transport = new RestJwsTransport(keys, http);

        Delivery first = transport.deliver(message("alloc-12-v1-treasury", 1), treasury(Duration.ofMillis(300)));
        Delivery second = transport.deliver(message("alloc-12-v1-treasury", 1), treasury(Duration.ofMillis(300)));

        assertThat(first.result()).isEqualTo(DeliveryResult.RETRY);
        assertThat(second.result()).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(second.status()).isEqualTo(409);
        assertThat(simulator.received("treasury")).singleElement()
                .extracting(ReceivedMessage::deliveries).isEqualTo(2);
    }

    @Test
    void aSlowRegistryWithinTheTimeoutIsDelivered() {
        simulator.failMode("treasury", FailMode.slow(Duration.ofMillis(200)));

        assertThat(deliver(Duration.ofSeconds(5)).result()).isEqualTo(DeliveryResult.DELIVERED);
    }

    @Test
    void aMessageTheRegistryRefusesIsRejected() {
        simulator.failMode("treasury", FailMode.rejecting("alloc-12"));

        Delivery delivery = deliver(Duration.ofSeconds(5));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.REJECTED);
        assertThat(delivery.status()).isEqualTo(422);
        assertThat(delivery.detail()).contains("refused the message (HTTP 422)").contains("rejected");
    }

    @Test
    void aSignatureTheRegistryDoesNotTrustIsRejected() {
        Delivery delivery = new RestJwsTransport(TestKeystores.stranger(), http)
                .deliver(message("alloc-12-v1-treasury", 1), treasury(Duration.ofSeconds(5)));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.REJECTED);
        assertThat(delivery.status()).isEqualTo(400);
        assertThat(delivery.detail()).contains("signature");
        assertThat(simulator.received("treasury")).isEmpty();
    }

    private Delivery deliver(Duration timeout) {
        return new RestJwsTransport(keys, http).deliver(message("alloc-12-v1-treasury", 1), treasury(timeout));
    }

    private RegistryTarget treasury(Duration timeout) {
        return new RegistryTarget("treasury", TransportKind.REST_JWS, simulator.restEndpoint("treasury"),
                "qatysu-test", timeout, null);
    }

    static OutboundMessage message(String key, int version) {
        return new OutboundMessage(key, "allocation", 12, version,
                AllocationNoticeJson.toJson(Notices.notice(12, version)));
    }
}
