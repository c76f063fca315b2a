package kz.qatysu.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RegistryTargetTest {

    @Test
    void credentialsNeverShowTheirSecrets() {
        RegistryTarget target = new RegistryTarget("treasury", TransportKind.REST_JWS,
                URI.create("https://treasury.example/api/notices"), "qatysu", Duration.ofSeconds(10),
                new RegistryCredential.BearerToken("s3cr3t-token"));
        RegistryCredential basic = new RegistryCredential.BasicAuth("qatysu", "pa55word");

        assertThat(target.toString()).doesNotContain("s3cr3t-token").contains("BearerToken[***]");
        assertThat(basic.toString()).doesNotContain("pa55word");
        assertThat(basic.authorization()).isEqualTo("Basic cWF0eXN1OnBhNTV3b3Jk");
        assertThat(target.authorization().orElseThrow().authorization()).isEqualTo("Bearer s3cr3t-token");
    }

    @Test
    void aFileDropNeedsAFileDirectoryAndHttpTransportsAnHttpUrl() {
        assertThatThrownBy(() -> new RegistryTarget("statistics", TransportKind.FILE_DROP,
                URI.create("https://stat.example/drop"), "qatysu", Duration.ofSeconds(1), null))
                .hasMessageContaining("file: directory");
        assertThatThrownBy(() -> new RegistryTarget("treasury", TransportKind.SOAP,
                URI.create("file:/var/spool"), "qatysu", Duration.ofSeconds(1), null))
                .hasMessageContaining("http(s) URL");
    }

    @Test
    void refusesBadNamesSenderIdsAndTimeouts() {
        URI url = URI.create("http://localhost/x");
        assertThatThrownBy(() -> new RegistryTarget("Treasury", TransportKind.REST_JWS, url, "q", Duration.ofSeconds(1),
                null)).hasMessageContaining("registry name");
        assertThatThrownBy(() -> new RegistryTarget("treasury", TransportKind.REST_JWS, url, "q q",
                Duration.ofSeconds(1), null)).hasMessageContaining("sender id");
        assertThatThrownBy(() -> new RegistryTarget("treasury", TransportKind.REST_JWS, url, "q", Duration.ZERO,
                null)).hasMessageContaining("positive timeout");
    }

    @Test
    void aTokenWithALineBreakIsRefused() {
        assertThatThrownBy(() -> new RegistryCredential.BearerToken("abc\r\nX-Evil: 1"))
                .hasMessageContaining("printable ASCII");
    }
}
