package kz.qatysu.voting.domain;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import kz.qatysu.platform.json.CanonicalJson;

/**
 * The voter's proof that their ballot was counted: {@code code} = SHA-256 over the round, the canonical choice and a
 * random salt that only the voter is shown. The platform publishes, after the close, {@link #publishedHash()} of
 * every counted code (a hash of the code, so the public list cannot be used to claim someone else's receipt) and a
 * Merkle root over them; the voter checks their code against that list.
 */
public record Receipt(String code, String salt) {

    public Receipt {
        if (code == null || !code.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a receipt code is 64 lower-case hex digits");
        }
        if (salt == null || !salt.matches("[0-9a-f]{32}")) {
            throw new IllegalArgumentException("a receipt salt is 32 lower-case hex digits");
        }
    }

    /** A fresh receipt for a cast ballot. */
    public static Receipt issue(long roundId, BallotChoice choice, SecureRandom random) {
        byte[] salt = new byte[16];
        Objects.requireNonNull(random, "random").nextBytes(salt);
        String saltHex = HexFormat.of().formatHex(salt);
        return new Receipt(codeOf(roundId, choice, saltHex), saltHex);
    }

    /** Whether this receipt is the one of that round and choice (what a voter can check offline). */
    public boolean matches(long roundId, BallotChoice choice) {
        return code.equals(codeOf(roundId, choice, salt));
    }

    /** What the published list of counted receipts holds for this receipt. */
    public String publishedHash() {
        return publishedHashOf(code);
    }

    /** The published form of a receipt code a voter types in. */
    public static String publishedHashOf(String code) {
        return CanonicalJson.sha256Hex("qatysu-receipt:" + code);
    }

    private static String codeOf(long roundId, BallotChoice choice, String saltHex) {
        return CanonicalJson.sha256Hex("qatysu-ballot:round=" + roundId + ":choice=" + choice.canonical()
                + ":salt=" + saltHex);
    }
}
