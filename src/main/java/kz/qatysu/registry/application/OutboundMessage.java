package kz.qatysu.registry.application;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * A message for a registry as the outbox holds it: the idempotency key (the same for every attempt; registries
 * deduplicate on it), its kind (e.g. {@code allocation}), the round and version it is about, and the body, the
 * canonical JSON of the notice. Keys are 1–128 characters of letters, digits, {@code . _ -}, starting with a letter
 * or digit, which keeps them safe in headers and file names.
 */
public record OutboundMessage(String idempotencyKey, String kind, long roundId, int version, byte[] body) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    public OutboundMessage {
        if (!isValidKey(idempotencyKey)) {
            throw new IllegalArgumentException("An idempotency key is 1-128 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit, not '" + idempotencyKey + "'");
        }
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("A message kind is lower-case, e.g. allocation, not '" + kind + "'");
        }
        if (roundId <= 0) {
            throw new IllegalArgumentException("roundId must be positive: " + roundId);
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("A message has a body");
        }
        body = body.clone();
    }

    public static boolean isValidKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboundMessage m && idempotencyKey.equals(m.idempotencyKey) && kind.equals(m.kind)
                && roundId == m.roundId && version == m.version && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return idempotencyKey.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "OutboundMessage[key=" + idempotencyKey + ", kind=" + kind + ", round=" + roundId + ", version="
                + version + ", " + body.length + " bytes]";
    }
}
