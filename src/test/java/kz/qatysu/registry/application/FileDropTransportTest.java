package kz.qatysu.registry.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.stream.Stream;
import kz.qatysu.platform.signing.DetachedJws;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.platform.signing.TestKeystores;
import kz.qatysu.registry.domain.RegistryTarget;
import kz.qatysu.registry.domain.TransportKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDropTransportTest {

    @TempDir
    Path drop;

    private final SigningKeys keys = TestKeystores.platform();

    @Test
    void writesTheBodyAndItsSignatureWithNothingLeftHalfWritten() throws Exception {
        OutboundMessage message = RestJwsTransportTest.message("alloc-12-v2-stat", 2);

        Delivery delivery = new FileDropTransport(keys).deliver(message, statistics(drop));

        Path dir = drop.resolve("statistics");
        assertThat(delivery.result()).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(delivery.status()).isZero();
        assertThat(delivery.detail()).contains("12-v2-alloc-12-v2-stat.json");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("12-v2-alloc-12-v2-stat.json", "12-v2-alloc-12-v2-stat.jws");
        }
        byte[] json = Files.readAllBytes(dir.resolve("12-v2-alloc-12-v2-stat.json"));
        String jws = Files.readString(dir.resolve("12-v2-alloc-12-v2-stat.jws"), StandardCharsets.US_ASCII);
        assertThat(json).isEqualTo(message.body());
        assertThat(DetachedJws.verify(json, jws, keys.certificate())).isTrue();
    }

    @Test
    void aSecondDeliveryOfTheKeyIsDeliveredWithoutWritingAgain() throws Exception {
        FileDropTransport transport = new FileDropTransport(keys);
        transport.deliver(RestJwsTransportTest.message("alloc-12-v2-stat", 2), statistics(drop));
        Path json = drop.resolve("statistics/12-v2-alloc-12-v2-stat.json");
        FileTime written = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(json, written);

        Delivery again = transport.deliver(RestJwsTransportTest.message("alloc-12-v2-stat", 2), statistics(drop));

        assertThat(again.result()).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(again.detail()).startsWith("already dropped");
        assertThat(Files.getLastModifiedTime(json)).isEqualTo(written);
    }

    @Test
    void aMissingDropDirectoryIsRetried() {
        Delivery delivery = new FileDropTransport(keys).deliver(RestJwsTransportTest.message("alloc-12-v2-stat", 2),
                statistics(drop.resolve("not-mounted")));

        assertThat(delivery.result()).isEqualTo(DeliveryResult.RETRY);
        assertThat(delivery.detail()).contains("is missing");
        assertThat(Files.exists(drop.resolve("not-mounted"))).isFalse();
    }

    private static RegistryTarget statistics(Path dir) {
        return new RegistryTarget("statistics", TransportKind.FILE_DROP, dir.toUri(), "qatysu-test",
                Duration.ofSeconds(5), null);
    }
}
