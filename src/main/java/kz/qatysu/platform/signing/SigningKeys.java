package kz.qatysu.platform.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The platform's signing key and its X.509 certificate, from a PKCS#12 keystore: an RSA key of at least 2048 bits
 * (3072 recommended), which is what e-government gateways expect. As a CDI bean it reads
 * {@code qatysu.signing.keystore} (a file path; {@code QATYSU_SIGNING_KEYSTORE}), {@code qatysu.signing.password}
 * ({@code QATYSU_SIGNING_PASSWORD}) and {@code qatysu.signing.alias} (default {@code qatysu}) when first used;
 * {@link #load(Path, char[], String)} does the same without CDI.
 *
 * <p>The key id is the certificate's SHA-256 thumbprint in base64url, the value of a JWS {@code x5t#S256} header.
 * Error messages name the file and the alias, never the password.</p>
 */
@ApplicationScoped
public class SigningKeys {

    /** The smallest RSA modulus accepted for a signing key. */
    public static final int MIN_RSA_BITS = 2048;

    @Inject
    @ConfigProperty(name = "qatysu.signing.keystore")
    Optional<String> configuredKeystore;

    @Inject
    @ConfigProperty(name = "qatysu.signing.password")
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "qatysu.signing.alias", defaultValue = "qatysu")
    String configuredAlias;

    private record Loaded(PrivateKey privateKey, X509Certificate certificate, String keyId) {
    }

    private volatile Loaded loaded;

    /**
     * For CDI: the keys are loaded from the configuration when first needed, and again on the next use while that
     * fails (a keystore put in place later is picked up without a restart).
     */
    protected SigningKeys() {
    }

    private SigningKeys(PrivateKey privateKey, X509Certificate certificate) {
        this.loaded = new Loaded(privateKey, certificate, thumbprint(certificate));
    }

    private Loaded loaded() {
        Loaded keys = loaded;
        if (keys == null) {
            synchronized (this) {
                if (loaded == null) {
                    loaded = loadConfigured();
                }
                keys = loaded;
            }
        }
        return keys;
    }

    private Loaded loadConfigured() {
        String file = configuredKeystore.filter(s -> !s.isBlank()).orElseThrow(() -> new IllegalStateException(
                "No signing keystore is configured: set qatysu.signing.keystore (QATYSU_SIGNING_KEYSTORE) to a PKCS#12 file"));
        String password = configuredPassword.orElseThrow(() -> new IllegalStateException(
                "No password is configured for the signing keystore " + file
                        + ": set qatysu.signing.password (QATYSU_SIGNING_PASSWORD)"));
        char[] chars = password.toCharArray();
        try {
            return load(Path.of(file), chars, configuredAlias).loaded;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /**
     * Loads the private key and certificate stored under {@code alias} in a PKCS#12 keystore whose store and key
     * password is {@code password}.
     *
     * @throws IllegalStateException with a message naming the file and what is wrong with it
     */
    public static SigningKeys load(Path keystore, char[] password, String alias) {
        if (alias == null || alias.isBlank()) {
            throw new IllegalArgumentException("A signing key alias is required");
        }
        KeyStore store = open(keystore, password);
        try {
            if (!store.containsAlias(alias)) {
                throw new IllegalStateException("Signing keystore " + keystore + " has no entry '" + alias
                        + "' (entries: " + String.join(", ", Collections.list(store.aliases())) + ")");
            }
            Key key = store.getKey(alias, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new IllegalStateException("Entry '" + alias + "' of signing keystore " + keystore
                        + " holds no private key");
            }
            if (!(store.getCertificate(alias) instanceof X509Certificate certificate)) {
                throw new IllegalStateException("Entry '" + alias + "' of signing keystore " + keystore
                        + " has no X.509 certificate");
            }
            requireRsa(certificate, "The signing key '" + alias + "' in " + keystore);
            return new SigningKeys(privateKey, certificate);
        } catch (UnrecoverableKeyException e) {
            throw new IllegalStateException("The key '" + alias + "' in signing keystore " + keystore
                    + " cannot be recovered with the keystore password", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read entry '" + alias + "' of signing keystore " + keystore
                    + ": " + e.getMessage(), e);
        }
    }

    /** A trusted certificate from a PEM or DER file (e.g. one written by {@code keytool -exportcert -rfc}). */
    public static X509Certificate readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("Certificate file " + file + " does not exist", e);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("Cannot read an X.509 certificate from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The base64url SHA-256 thumbprint of a certificate's DER encoding (JWS {@code x5t#S256}). */
    public static String thumbprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("Certificate cannot be encoded: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /** Refuses a certificate whose key is not RSA of at least {@link #MIN_RSA_BITS} bits. */
    static void requireRsa(X509Certificate certificate, String what) {
        if (!(certificate.getPublicKey() instanceof RSAPublicKey rsa)) {
            throw new IllegalStateException(what + " is " + certificate.getPublicKey().getAlgorithm()
                    + "; the platform signs with RSA");
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalStateException(what + " has " + rsa.getModulus().bitLength() + " bits; at least "
                    + MIN_RSA_BITS + " are required");
        }
    }

    private static KeyStore open(Path keystore, char[] password) {
        if (keystore == null) {
            throw new IllegalArgumentException("A signing keystore path is required");
        }
        if (password == null) {
            throw new IllegalArgumentException("A signing keystore password is required");
        }
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (NoSuchFileException e) {
            throw new IllegalStateException("Signing keystore " + keystore + " does not exist", e);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new IllegalStateException("Cannot open signing keystore " + keystore
                        + ": the password is wrong", e);
            }
            throw new IllegalStateException("Cannot open signing keystore " + keystore
                    + ": it is not a readable PKCS#12 file (" + e.getMessage() + ")", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot open signing keystore " + keystore + ": " + e.getMessage(), e);
        }
    }

    /**
     * The private key.
     *
     * @throws IllegalStateException when the configured keystore cannot be loaded
     */
    public PrivateKey privateKey() {
        return loaded().privateKey();
    }

    /**
     * The certificate of the key.
     *
     * @throws IllegalStateException when the configured keystore cannot be loaded
     */
    public X509Certificate certificate() {
        return loaded().certificate();
    }

    /**
     * The base64url SHA-256 thumbprint of the certificate (JWS {@code kid} and {@code x5t#S256}).
     *
     * @throws IllegalStateException when the configured keystore cannot be loaded
     */
    public String keyId() {
        return loaded().keyId();
    }

    @Override
    public String toString() {
        Loaded keys = loaded;
        return "SigningKeys[" + (keys == null ? "not loaded" : keys.certificate().getSubjectX500Principal().getName()
                + ", keyId=" + keys.keyId()) + "]";
    }
}
