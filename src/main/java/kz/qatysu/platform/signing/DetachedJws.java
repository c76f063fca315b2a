package kz.qatysu.platform.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;

/**
 * JSON Web Signatures with a detached payload (RFC 7515, appendix F): the compact form
 * {@code header..signature} whose signing input is the base64url of the exact payload bytes. RS256; the header
 * names the key ({@code kid}) and the certificate's SHA-256 thumbprint ({@code x5t#S256}).
 *
 * <p>The unencoded-payload option of RFC 7797 ({@code b64:false}) is not used: nimbus-jose-jwt builds that signing
 * input through a Java string, which is exact only for UTF-8 payloads, while this class signs arbitrary bytes.</p>
 */
public final class DetachedJws {

    private DetachedJws() {
    }

    /** The detached compact JWS over {@code payload}: {@code base64url(header) + ".." + base64url(signature)}. */
    public static String sign(byte[] payload, SigningKeys keys) {
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(keys.keyId())
                .x509CertSHA256Thumbprint(new Base64URL(keys.keyId()))
                .build();
        JWSObject jws = new JWSObject(header, new Payload(payload));
        try {
            jws.sign(new RSASSASigner(keys.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("The payload could not be signed: " + e.getMessage(), e);
        }
        return jws.serialize(true);
    }

    /** Whether {@code detached} is a valid RS256 signature over exactly {@code payload} by the trusted certificate. */
    public static boolean verify(byte[] payload, String detached, X509Certificate trusted) {
        return check(payload, detached, trusted).valid();
    }

    /** As {@link #verify}, with the reason when the signature is not valid. */
    public static Verification check(byte[] payload, String detached, X509Certificate trusted) {
        if (detached == null || detached.isBlank()) {
            return Verification.failed("no signature");
        }
        String[] parts = detached.strip().split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            return Verification.failed("not a detached compact JWS (header..signature)");
        }
        if (!(trusted.getPublicKey() instanceof RSAPublicKey publicKey)) {
            return Verification.failed("the trusted certificate has no RSA key");
        }
        try {
            JWSObject jws = JWSObject.parse(detached.strip(), new Payload(payload));
            JWSHeader header = jws.getHeader();
            if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
                return Verification.failed("algorithm " + header.getAlgorithm() + " not accepted");
            }
            String thumbprint = SigningKeys.thumbprint(trusted);
            if (header.getX509CertSHA256Thumbprint() == null
                    || !thumbprint.equals(header.getX509CertSHA256Thumbprint().toString())) {
                return Verification.failed("x5t#S256 does not name the trusted certificate");
            }
            if (header.getKeyID() != null && !thumbprint.equals(header.getKeyID())) {
                return Verification.failed("kid does not name the trusted key");
            }
            return jws.verify(new RSASSAVerifier(publicKey))
                    ? Verification.ok()
                    : Verification.failed("signature does not match the payload");
        } catch (ParseException e) {
            return Verification.failed("malformed JWS: " + e.getMessage());
        } catch (JOSEException e) {
            return Verification.failed("signature not checked: " + e.getMessage());
        }
    }
}
