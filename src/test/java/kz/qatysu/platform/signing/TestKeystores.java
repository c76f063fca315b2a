package kz.qatysu.platform.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Throwaway PKCS#12 keystores made with the JDK's {@code keytool} (self-signed). An RSA 3072 key takes a few
 * seconds to make, so the platform's and a stranger's keystore are made once per test run, side by side, and shared
 * read-only; {@link #create} makes one in a test's own directory.
 */
public final class TestKeystores {

    public static final String PASSWORD = "test-store-password";
    public static final String ALIAS = "qatysu";

    private static Path platformKeystore;
    private static Path strangerKeystore;

    private TestKeystores() {
    }

    /** The platform's test keystore (alias {@value #ALIAS}, password {@value #PASSWORD}). */
    public static synchronized Path platformKeystore() {
        makeShared();
        return platformKeystore;
    }

    public static SigningKeys platform() {
        return SigningKeys.load(platformKeystore(), PASSWORD.toCharArray(), ALIAS);
    }

    /** Keys of someone the registries do not trust, with the same alias and password. */
    public static synchronized SigningKeys stranger() {
        makeShared();
        return SigningKeys.load(strangerKeystore, PASSWORD.toCharArray(), ALIAS);
    }

    /** Makes a keystore in {@code dir} with a key of that algorithm (RSA, EC …) and size. */
    public static Path create(Path dir, String alias, String password, String keyAlgorithm, int keySize) {
        Path keystore = dir.resolve(alias + ".p12");
        await(keytool(keystore, alias, password, "Test " + alias, keyAlgorithm, keySize), keystore);
        return keystore;
    }

    /** Writes a certificate as PEM, as {@code keytool -exportcert -rfc} does. */
    public static Path writePem(X509Certificate certificate, Path file) {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            return Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (IOException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void makeShared() {
        if (platformKeystore != null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("qatysu-test-keys");
            dir.toFile().deleteOnExit();
            Path platform = dir.resolve("platform.p12");
            Path stranger = dir.resolve("stranger.p12");
            Process first = keytool(platform, ALIAS, PASSWORD, "Qatysu test platform", "RSA", 3072);
            Process second = keytool(stranger, ALIAS, PASSWORD, "Somebody else", "RSA", 3072);
            await(first, platform);
            await(second, stranger);
            platform.toFile().deleteOnExit();
            stranger.toFile().deleteOnExit();
            platformKeystore = platform;
            strangerKeystore = stranger;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Process keytool(Path keystore, String alias, String password, String commonName,
                                   String keyAlgorithm, int keySize) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", alias, "-keyalg", keyAlgorithm, "-keysize", Integer.toString(keySize),
                "-dname", "CN=" + commonName + ", O=Qatysu tests", "-validity", "30",
                "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", password, "-keypass", password, "-noprompt"));
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("keytool could not be started", e);
        }
    }

    private static void await(Process process, Path keystore) {
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || !Files.exists(keystore)) {
                throw new IllegalStateException("keytool failed for " + keystore + ": " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
