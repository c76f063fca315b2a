package kz.qatysu.voting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import kz.qatysu.voting.domain.VoterPseudonym;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The voting secret ({@code qatysu.voting.key}, environment {@code QATYSU_VOTING_KEY}: at least 64 hex digits,
 * generated per installation by the launcher, never in the repository or the database). It keys the voter
 * pseudonyms of the ballots table, and seals each receipt code so that only its voter can be shown it again.
 * Without the secret, the ballots table links to no one.
 */
@ApplicationScoped
public class VotingKeys {

    private static final int GCM_TAG_BITS = 128;
    private static final int NONCE_BYTES = 12;

    @Inject
    @ConfigProperty(name = "qatysu.voting.key")
    Optional<String> configuredKey;

    private final SecureRandom random = new SecureRandom();

    public SecureRandom random() {
        return random;
    }

    /** Whether a usable key is configured (checked by the production safety check too). */
    public boolean configured() {
        return configuredKey.map(VotingKeys::isUsable).orElse(false);
    }

    static boolean isUsable(String hex) {
        return hex != null && hex.strip().matches("([0-9a-fA-F]{2}){" + VoterPseudonym.MIN_KEY_BYTES + ",}");
    }

    private byte[] key() {
        String hex = configuredKey.map(String::strip).filter(VotingKeys::isUsable)
                .orElseThrow(() -> new IllegalStateException(
                        "qatysu.voting.key (QATYSU_VOTING_KEY) must be set to at least 64 hex digits"));
        return HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
    }

    public VoterPseudonym pseudonym(long roundId, long citizenId) {
        return VoterPseudonym.of(key(), roundId, citizenId);
    }

    /**
     * A keyed hash (HMAC-SHA-256 under a key derived from the voting secret, hex) of what a client says about
     * itself, so the anomaly report can group casts by device without storing what identifies it.
     */
    public String deviceHash(String material) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] deviceKey = derive.doFinal("qatysu-device-signal".getBytes(StandardCharsets.US_ASCII));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(deviceKey, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(material.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java platform", e);
        }
    }

    /** The receipt code sealed (AES-256-GCM, nonce ‖ ciphertext) under a key only this voter's ballots share. */
    public byte[] seal(String receiptCode, long roundId, long citizenId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey(roundId, citizenId), new GCMParameterSpec(GCM_TAG_BITS, nonce));
            cipher.updateAAD(aad(roundId));
            byte[] sealed = cipher.doFinal(receiptCode.getBytes(StandardCharsets.US_ASCII));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java platform", e);
        }
    }

    /** The receipt code of a sealed one; fails if it was sealed for another voter or round, or altered. */
    public String open(byte[] sealed, long roundId, long citizenId) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealingKey(roundId, citizenId),
                    new GCMParameterSpec(GCM_TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad(roundId));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed receipt does not open for its voter", e);
        }
    }

    private SecretKeySpec sealingKey(long roundId, long citizenId) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key(), "HmacSHA256"));
        byte[] derived = mac.doFinal(("qatysu-receipt-seal:round=" + roundId + ":citizen=" + citizenId)
                .getBytes(StandardCharsets.UTF_8));
        return new SecretKeySpec(derived, "AES");
    }

    private static byte[] aad(long roundId) {
        return ("qatysu-receipt:round=" + roundId).getBytes(StandardCharsets.US_ASCII);
    }
}
