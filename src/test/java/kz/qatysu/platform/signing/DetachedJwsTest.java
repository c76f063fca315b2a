package kz.qatysu.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DetachedJwsTest {

    private static final byte[] BODY = "{\"budget\":\"1500000.00\",\"roundId\":12,\"title\":\"Саябақ\"}"
            .getBytes(StandardCharsets.UTF_8);

    private final SigningKeys keys = TestKeystores.platform();

    @Test
    void theCompactFormHasAnEmptyPayloadPart() {
        String jws = DetachedJws.sign(BODY, keys);

        assertThat(jws).matches("[A-Za-z0-9_-]+\\.\\.[A-Za-z0-9_-]+");
    }

    @Test
    void theHeaderNamesRs256TheKeyAndTheCertificateThumbprint() throws Exception {
        String jws = DetachedJws.sign(BODY, keys);

        JWSHeader header = JWSHeader.parse(new Base64URL(jws.substring(0, jws.indexOf('.'))));

        assertThat(header.getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(header.getKeyID()).isEqualTo(keys.keyId());
        assertThat(header.getX509CertSHA256Thumbprint().toString()).isEqualTo(keys.keyId());
        assertThat(header.getCriticalParams()).isNull();
    }

    @Test
    void verifiesOverTheExactBytesWithTheTrustedCertificate() {
        String jws = DetachedJws.sign(BODY, keys);

        assertThat(DetachedJws.verify(BODY, jws, keys.certificate())).isTrue();
    }

    @Test
    void oneChangedByteFailsVerification() {
        String jws = DetachedJws.sign(BODY, keys);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 3] ^= 1;

        assertThat(DetachedJws.check(tampered, jws, keys.certificate()))
                .isEqualTo(Verification.failed("signature does not match the payload"));
    }

    @Test
    void anotherCertificateIsNotTrusted() {
        String jws = DetachedJws.sign(BODY, TestKeystores.stranger());

        Verification verification = DetachedJws.check(BODY, jws, keys.certificate());

        assertThat(verification.valid()).isFalse();
        assertThat(verification.reason()).contains("x5t#S256");
    }

    @Test
    void aSignatureWithTheBodyAttachedIsRefused() {
        String jws = DetachedJws.sign(BODY, keys);
        String attached = jws.replace("..", "." + Base64URL.encode(BODY) + ".");

        assertThat(DetachedJws.check(BODY, attached, keys.certificate()).reason()).contains("not a detached");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String none = Base64URL.encode("{\"alg\":\"none\"}") + "..";

        assertThat(DetachedJws.verify(BODY, none, keys.certificate())).isFalse();
        assertThat(DetachedJws.verify(BODY, null, keys.certificate())).isFalse();
        assertThat(DetachedJws.verify(BODY, "garbage", keys.certificate())).isFalse();
    }
}
