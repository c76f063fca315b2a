package kz.qatysu.round.domain;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import kz.qatysu.platform.json.CanonicalJson;

/**
 * The rules of a round as published when voting opens: canonical JSON (keys sorted, no white space) and the
 * lower-case hex SHA-256 of its UTF-8 bytes. Anyone can recompute the hash from the published text.
 */
public record RulesManifest(String json, String sha256) {

    /** Version of the manifest layout, part of the hashed text. */
    public static final int FORMAT_VERSION = 1;
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-f]{64}");

    public RulesManifest {
        Objects.requireNonNull(json, "json");
        if (sha256 == null || !HEX_64.matcher(sha256).matches() || !CanonicalJson.sha256Hex(json).equals(sha256)) {
            throw new IllegalArgumentException("The hash of a manifest is the SHA-256 of its text");
        }
    }

    /** The manifest of a value tree. */
    static RulesManifest of(Map<String, Object> content) {
        String json = CanonicalJson.write(content);
        return new RulesManifest(json, CanonicalJson.sha256Hex(json));
    }
}
