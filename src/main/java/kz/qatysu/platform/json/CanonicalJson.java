package kz.qatysu.platform.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.spi.JsonProvider;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Canonical JSON for hashing: objects with keys in code-point order, no insignificant white space, numbers as
 * integers, text as given (UTF-8). Values are maps, collections, strings, integral numbers, booleans and
 * {@code null}; anything else is refused so that a hash never depends on a {@code toString()}.
 */
public final class CanonicalJson {

    /** Looked up once: every {@code Json.create…} call would search the class path for a provider again. */
    private static final JsonProvider JSON = JsonProvider.provider();

    private CanonicalJson() {
    }

    /** The canonical text of a value tree. */
    public static String write(Map<String, ?> object) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = JSON.createWriter(out)) {
            writer.writeObject(object(object).build());
        }
        return out.toString();
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of a text. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex SHA-256 of bytes (e.g. a canonical text already encoded). */
    public static String sha256Hex(byte[] bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static JsonObjectBuilder object(Map<?, ?> map) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> {
            if (!(k instanceof String key)) {
                throw new IllegalArgumentException("JSON object keys are strings");
            }
            sorted.put(key, v);
        });
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        sorted.forEach((key, value) -> builder.add(key, value(value)));
        return builder;
    }

    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Map<?, ?> map) {
            return object(map).build();
        }
        if (value instanceof Collection<?> items) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            items.forEach(item -> array.add(value(item)));
            return array.build();
        }
        if (value instanceof String s) {
            return JSON.createValue(s);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return JSON.createValue(big);
        }
        if (value instanceof BigDecimal decimal && decimal.stripTrailingZeros().scale() <= 0) {
            return JSON.createValue(decimal.toBigIntegerExact());
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        throw new IllegalArgumentException("Not a canonical JSON value: " + value.getClass().getName());
    }
}
