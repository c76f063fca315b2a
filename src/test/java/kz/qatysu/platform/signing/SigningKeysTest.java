package kz.qatysu.platform.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {

    @TempDir
    Path dir;

    @Test
    void loadsTheRsaKeyAndCertificateOfTheAlias() {
        SigningKeys keys = TestKeystores.platform();

        assertThat(keys.privateKey().getAlgorithm()).isEqualTo("RSA");
        assertThat(((RSAPublicKey) keys.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(3072);
        assertThat(keys.certificate().getSubjectX500Principal().getName()).contains("CN=Qatysu test platform");
    }

    @Test
    void keyIdIsTheBase64UrlSha256ThumbprintOfTheCertificate() throws Exception {
        SigningKeys keys = TestKeystores.platform();

        byte[] expected = MessageDigest.getInstance("SHA-256").digest(keys.certificate().getEncoded());
        assertThat(keys.keyId()).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(expected))
                .hasSize(43);
    }

    @Test
    void aMissingKeystoreIsNamedInTheError() {
        Path missing = dir.resolve("nowhere.p12");

        assertThatThrownBy(() -> SigningKeys.load(missing, "x".toCharArray(), "qatysu"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
    }

    @Test
    void aWrongPasswordIsReportedWithoutRevealingIt() {
        String wrong = "not-the-password-42";

        assertThatThrownBy(() -> SigningKeys.load(TestKeystores.platformKeystore(), wrong.toCharArray(), "qatysu"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("password is wrong")
                .hasMessageNotContaining(wrong)
                .hasMessageNotContaining(TestKeystores.PASSWORD);
    }

    @Test
    void anAbsentAliasIsReportedWithTheEntriesThere() {
        assertThatThrownBy(() -> SigningKeys.load(TestKeystores.platformKeystore(),
                TestKeystores.PASSWORD.toCharArray(), "treasury"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no entry 'treasury'")
                .hasMessageContaining("entries: qatysu")
                .hasMessageNotContaining(TestKeystores.PASSWORD);
    }

    @Test
    void aFileThatIsNoKeystoreIsReported() throws Exception {
        Path text = Files.writeString(dir.resolve("keys.p12"), "not a keystore");

        assertThatThrownBy(() -> SigningKeys.load(text, "x".toCharArray(), "qatysu"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(text.toString());
    }

    @Test
    void anUnconfiguredBeanSaysWhichSettingIsMissing() {
        SigningKeys bean = new SigningKeys();
        bean.configuredKeystore = Optional.empty();
        bean.configuredPassword = Optional.of(TestKeystores.PASSWORD);
        bean.configuredAlias = "qatysu";

        assertThatThrownBy(bean::privateKey)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("qatysu.signing.keystore").hasMessageContaining("QATYSU_SIGNING_KEYSTORE");
    }

    @Test
    void theConfiguredBeanLoadsTheKeystoreWhenFirstUsed() {
        SigningKeys bean = new SigningKeys();
        bean.configuredKeystore = Optional.of(TestKeystores.platformKeystore().toString());
        bean.configuredPassword = Optional.of(TestKeystores.PASSWORD);
        bean.configuredAlias = "qatysu";

        assertThat(bean.keyId()).isEqualTo(TestKeystores.platform().keyId());
    }

    @Test
    void aKeystorePutInPlaceAfterAFailedUseIsPickedUp() throws Exception {
        Path keystore = dir.resolve("later.p12");
        SigningKeys bean = new SigningKeys();
        bean.configuredKeystore = Optional.of(keystore.toString());
        bean.configuredPassword = Optional.of(TestKeystores.PASSWORD);
        bean.configuredAlias = "qatysu";
        assertThatThrownBy(bean::certificate).hasMessageContaining("does not exist");

        Files.copy(TestKeystores.platformKeystore(), keystore);

        assertThat(bean.certificate()).isEqualTo(TestKeystores.platform().certificate());
    }

    @Test
    void readsATrustedCertificateFromPem() {
        SigningKeys keys = TestKeystores.platform();
        Path pem = TestKeystores.writePem(keys.certificate(), dir.resolve("qatysu.pem"));

        assertThat(SigningKeys.readCertificate(pem)).isEqualTo(keys.certificate());
    }

    @Test
    void refusesAKeyThatIsNotRsa() {
        Path keystore = TestKeystores.create(dir, "ec", "ec-password", "EC", 256);

        assertThatThrownBy(() -> SigningKeys.load(keystore, "ec-password".toCharArray(), "ec"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is EC; the platform signs with RSA");
    }
}
