package kz.qatysu.voting.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a ballot carries instead of the voter: HMAC-SHA-256 under a server secret of the voter and the round. The
 * same voter has the same pseudonym within a round (so a revote replaces the ballot) and unrelated pseudonyms in
 * different rounds; without the secret the ballots table reveals no one.
 */
public record VoterPseudonym(String value) {

    /** Minimum length of the secret key in bytes (256 bits). */
    public static final int MIN_KEY_BYTES = 32;

    public VoterPseudonym {
        if (value == null || !value.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a pseudonym is 64 lower-case hex digits");
        }
    }

    public static VoterPseudonym of(byte[] secretKey, long roundId, long citizenId) {
        Objects.requireNonNull(secretKey, "secretKey");
        if (secretKey.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonym key needs at least " + MIN_KEY_BYTES + " bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(("qatysu-voter:round=" + roundId + ":citizen=" + citizenId)
                    .getBytes(StandardCharsets.UTF_8));
            return new VoterPseudonym(HexFormat.of().formatHex(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return value.substring(0, 8) + "…";
    }
}
