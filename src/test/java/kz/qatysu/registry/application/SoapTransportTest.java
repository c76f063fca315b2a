package kz.qatysu.registry.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.platform.signing.TestKeystores;
import kz.qatysu.registry.domain.Notices;
import kz.qatysu.registry.domain.RegistryTarget;
import kz.qatysu.registry.domain.TransportKind;
import kz.qatysu.registry.simulator.FailMode;
import kz.qatysu.registry.simulator.ReceivedMessage;
import kz.qatysu.registry.simulator.RegistrySimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SoapTransportTest {

    private final SigningKeys keys = TestKeystores.platform();
    private final Clock clock = Clock.fixed(Instant.parse("2026-05-04T11:00:00Z"), ZoneOffset.UTC);
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
    void deliversTheSignedEnvelopeAndTheRegistryAcknowledgesTheMessageId() {
        Delivery delivery = deliver(Duration.ofSeconds(5));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(delivery.status()).isEqualTo(200);
        assertThat(delivery.detail()).contains("received message alloc-12-v1-sg", "RECEIVED");
        assertThat(simulator.received("self-government")).singleElement().satisfies(received -> {
            assertThat(received.transport()).isEqualTo("soap");
            assertThat(received.idempotencyKey()).isEqualTo("alloc-12-v1-sg");
            assertThat(received.senderId()).isEqualTo("qatysu-test");
            assertThat(received.notice()).isEqualTo(Notices.notice(12, 1));
        });
    }

    @Test
    void aSecondDeliveryOfTheSameMessageIdIsAcknowledgedAndStoredOnce() {
        deliver(Duration.ofSeconds(5));

        Delivery again = deliver(Duration.ofSeconds(5));

        assertThat(again.result()).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(again.detail()).contains("already had", "ALREADY_RECEIVED");
        assertThat(simulator.received("self-government")).singleElement()
                .extracting(ReceivedMessage::deliveries).isEqualTo(2);
    }

    @Test
    void aSenderFaultIsRejected() {
        simulator.failMode("self-government", FailMode.rejecting("alloc-12"));

        Delivery delivery = deliver(Duration.ofSeconds(5));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.REJECTED);
        assertThat(delivery.status()).isEqualTo(400);
        assertThat(delivery.detail()).contains("Sender fault").contains("refuses this message");
    }

    @Test
    void aReceiverFaultIsRetried() {
        simulator.failMode("self-government", FailMode.error500());

        Delivery delivery = deliver(Duration.ofSeconds(5));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.RETRY);
        assertThat(delivery.status()).isEqualTo(500);
        assertThat(delivery.detail()).contains("Receiver fault");
    }

    @Test
    void aServerErrorWithoutFaultIsRetried() {
        simulator.failMode("self-government", FailMode.downFor(Duration.ofMinutes(1)));

        Delivery delivery = deliver(Duration.ofSeconds(5));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.RETRY);
        assertThat(delivery.status()).isEqualTo(503);
        assertThat(delivery.detail()).contains("unreadable answer");
    }

    @Test
    void noAnswerWithinTheTimeoutIsRetried() {
        simulator.failMode("self-government", FailMode.timeout(Duration.ofSeconds(5)));

        Delivery delivery = deliver(Duration.ofMillis(300));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.RETRY);
        assertThat(delivery.detail()).contains("timeout");
    }

    @Test
    void aTimeoutAfterAcceptingIsRetriedAndStoredOnce() {
        simulator.failMode("self-government", FailMode.acceptThenTimeout(Duration.ofSeconds(5)));

        Delivery first = deliver(Duration.ofMillis(300));
        Delivery second = deliver(Duration.ofMillis(300));

        assertThat(first.result()).isEqualTo(DeliveryResult.RETRY);
        assertThat(second.result()).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(simulator.received("self-government")).singleElement()
                .extracting(ReceivedMessage::deliveries).isEqualTo(2);
    }

    @Test
    void anEnvelopeSignedByAStrangerIsRejected() {
        Delivery delivery = new SoapTransport(TestKeystores.stranger(), http, clock)
                .deliver(RestJwsTransportTest.message("alloc-12-v1-sg", 1), selfGovernment(Duration.ofSeconds(5)));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.REJECTED);
        assertThat(delivery.detail()).contains("Sender fault", "signature refused");
        assertThat(simulator.received("self-government")).isEmpty();
    }

    @Test
    void aBodyThatIsNoNoticeIsRejectedWithoutSending() {
        OutboundMessage message = new OutboundMessage("alloc-12-v1-sg", "allocation", 12, 1,
                "{}".getBytes(StandardCharsets.UTF_8));

        Delivery delivery = new SoapTransport(keys, http, clock).deliver(message,
                selfGovernment(Duration.ofSeconds(5)));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.REJECTED);
        assertThat(delivery.status()).isZero();
        assertThat(delivery.detail()).contains("not an allocation notice");
    }

    private Delivery deliver(Duration timeout) {
        return new SoapTransport(keys, http, clock).deliver(RestJwsTransportTest.message("alloc-12-v1-sg", 1),
                selfGovernment(timeout));
    }

    private RegistryTarget selfGovernment(Duration timeout) {
        return new RegistryTarget("self-government", TransportKind.SOAP, simulator.soapEndpoint("self-government"),
                "qatysu-test", timeout, null);
    }
}
