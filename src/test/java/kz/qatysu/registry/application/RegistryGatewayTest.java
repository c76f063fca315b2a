package kz.qatysu.registry.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.platform.signing.TestKeystores;
import kz.qatysu.registry.domain.RegistryTarget;
import kz.qatysu.registry.domain.TransportKind;
import kz.qatysu.registry.simulator.RegistrySimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryGatewayTest {

    @TempDir
    Path drop;

    @Test
    void deliversThroughTheTransportOfEachTargetsKind() throws Exception {
        SigningKeys keys = TestKeystores.platform();
        RegistryGateway gateway = new RegistryGateway(keys, Clock.systemUTC());
        try (RegistrySimulator simulator = RegistrySimulator.start(0, keys.certificate())) {
            RegistryTarget treasury = new RegistryTarget("treasury", TransportKind.REST_JWS,
                    simulator.restEndpoint("treasury"), "qatysu", Duration.ofSeconds(5), null);
            RegistryTarget selfGovernment = new RegistryTarget("self-government", TransportKind.SOAP,
                    simulator.soapEndpoint("self-government"), "qatysu", Duration.ofSeconds(5), null);
            RegistryTarget statistics = new RegistryTarget("statistics", TransportKind.FILE_DROP, drop.toUri(),
                    "qatysu", Duration.ofSeconds(5), null);

            Delivery rest = gateway.deliver(RestJwsTransportTest.message("k-treasury", 1), treasury);
            Delivery soap = gateway.deliver(RestJwsTransportTest.message("k-sg", 1), selfGovernment);
            Delivery file = gateway.deliver(RestJwsTransportTest.message("k-stat", 1), statistics);

            assertThat(rest.status()).isEqualTo(202);
            assertThat(soap.status()).isEqualTo(200);
            assertThat(file.result()).isEqualTo(DeliveryResult.DELIVERED);
            assertThat(simulator.received("treasury")).extracting(r -> r.transport()).containsExactly("rest");
            assertThat(simulator.received("self-government")).extracting(r -> r.transport()).containsExactly("soap");
            assertThat(Files.exists(drop.resolve("statistics/12-v1-k-stat.json"))).isTrue();
        } finally {
            gateway.close();
        }
    }
}
