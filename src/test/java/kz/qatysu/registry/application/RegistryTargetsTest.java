package kz.qatysu.registry.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import kz.qatysu.registry.domain.RegistryCredential;
import kz.qatysu.registry.domain.RegistryTarget;
import kz.qatysu.registry.domain.TransportKind;
import org.junit.jupiter.api.Test;

class RegistryTargetsTest {

    private final Map<String, String> config = new HashMap<>();

    @Test
    void readsTheTargetsInTheirOrderWithTheDefaultTimeout() {
        config.put("qatysu.registry.targets", "treasury, statistics,self-government");
        target("treasury", "rest-jws", "https://treasury.example/notices");
        config.put("qatysu.registry.treasury.token", "t0ken");
        target("statistics", "file-drop", "/var/spool/qatysu");
        config.put("qatysu.registry.statistics.timeout", "PT2S");
        target("self-government", "SOAP", "http://localhost:8280/soap/self-government");

        RegistryTargets targets = read();

        assertThat(targets.all()).extracting(RegistryTarget::name)
                .containsExactly("treasury", "statistics", "self-government");
        RegistryTarget treasury = targets.named("treasury").orElseThrow();
        assertThat(treasury.kind()).isEqualTo(TransportKind.REST_JWS);
        assertThat(treasury.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(treasury.credential()).isEqualTo(new RegistryCredential.BearerToken("t0ken"));
        RegistryTarget statistics = targets.named("statistics").orElseThrow();
        assertThat(statistics.endpoint()).isEqualTo(Path.of("/var/spool/qatysu").toUri());
        assertThat(statistics.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(targets.named("self-government").orElseThrow().kind()).isEqualTo(TransportKind.SOAP);
        assertThat(targets.named("open-data")).isEmpty();
    }

    @Test
    void noTargetsMeansNoRegistries() {
        assertThat(read().all()).isEmpty();
    }

    @Test
    void everyMistakeIsReportedWithItsKey() {
        config.put("qatysu.registry.targets", "treasury,statistics");
        config.put("qatysu.registry.treasury.transport", "ftp");
        config.put("qatysu.registry.treasury.sender-id", "qatysu");
        config.put("qatysu.registry.treasury.timeout", "10 seconds");
        config.put("qatysu.registry.statistics.transport", "file-drop");

        assertThatThrownBy(this::read)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("qatysu.registry.treasury.transport 'ftp' is not rest-jws, soap or file-drop")
                .hasMessageContaining("qatysu.registry.treasury.url is missing")
                .hasMessageContaining("qatysu.registry.treasury.timeout '10 seconds' is not an ISO-8601 duration")
                .hasMessageContaining("qatysu.registry.statistics.url is missing")
                .hasMessageContaining("qatysu.registry.statistics.sender-id is missing");
    }

    @Test
    void aBadCredentialIsReportedWithoutItsValue() {
        config.put("qatysu.registry.targets", "treasury");
        target("treasury", "rest-jws", "https://treasury.example/notices");
        config.put("qatysu.registry.treasury.token", "secret with spaces");

        assertThatThrownBy(this::read)
                .hasMessageContaining("qatysu.registry.treasury.credential")
                .hasMessageNotContaining("secret with spaces");
    }

    @Test
    void aTokenAndABasicLoginTogetherAreAMistake() {
        config.put("qatysu.registry.targets", "treasury");
        target("treasury", "rest-jws", "https://treasury.example/notices");
        config.put("qatysu.registry.treasury.token", "t");
        config.put("qatysu.registry.treasury.username", "u");

        assertThatThrownBy(this::read).hasMessageContaining("choose one");
    }

    @Test
    void aTargetNamedTwiceOrWithAnHttpUrlForAFileDropIsRefused() {
        config.put("qatysu.registry.targets", "statistics,statistics");
        target("statistics", "file-drop", "https://stat.example/");

        assertThatThrownBy(this::read)
                .hasMessageContaining("names statistics twice")
                .hasMessageContaining("is a file drop");
    }

    private void target(String name, String transport, String url) {
        config.put("qatysu.registry." + name + ".transport", transport);
        config.put("qatysu.registry." + name + ".url", url);
        config.put("qatysu.registry." + name + ".sender-id", "qatysu");
    }

    private RegistryTargets read() {
        return RegistryTargets.read(key -> Optional.ofNullable(config.get(key)));
    }
}
