package kz.qatysu.registry.simulator;

import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a simulated registry misbehaves, as set through {@code POST /control/{registry}}:
 * <pre>{@code
 * {"mode": "ok" | "error500" | "timeout" | "slow",   // default ok
 *  "delayMs": 30000,            // timeout, slow and acceptThenTimeout: how long the answer takes
 *  "reject": "text",            // messages whose key or body contains it are refused (REST 422, SOAP Sender fault)
 *  "downForMs": 5000,           // from now on, answer 503 for that long
 *  "acceptThenTimeout": true}   // store a new message, then answer only after delayMs
 * }</pre>
 * Each setting replaces the previous one. {@code error500} answers 500 (SOAP: a Receiver fault) without storing;
 * {@code timeout} stores nothing and answers 503 after the delay; {@code slow} handles the message normally after
 * the delay. Default delays: 2 s for slow, 30 s otherwise.
 */
public record FailMode(Mode mode, Duration delay, String reject, Duration downFor, boolean acceptThenTimeout) {

    public static final Duration DEFAULT_DELAY = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(2);

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonReaderFactory READERS =
            JSON.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final Set<String> MEMBERS = Set.of("mode", "delayMs", "reject", "downForMs", "acceptThenTimeout");

    public enum Mode {
        OK, ERROR500, TIMEOUT, SLOW;

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FailMode {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        if (reject != null && reject.isEmpty()) {
            reject = null;
        }
        if (downFor == null || downFor.isNegative()) {
            throw new IllegalArgumentException("downFor must not be negative");
        }
    }

    public static FailMode ok() {
        return new FailMode(Mode.OK, DEFAULT_DELAY, null, Duration.ZERO, false);
    }

    public static FailMode error500() {
        return new FailMode(Mode.ERROR500, DEFAULT_DELAY, null, Duration.ZERO, false);
    }

    public static FailMode timeout(Duration delay) {
        return new FailMode(Mode.TIMEOUT, delay, null, Duration.ZERO, false);
    }

    public static FailMode slow(Duration delay) {
        return new FailMode(Mode.SLOW, delay, null, Duration.ZERO, false);
    }

    public static FailMode rejecting(String text) {
        return new FailMode(Mode.OK, DEFAULT_DELAY, text, Duration.ZERO, false);
    }

    public static FailMode downFor(Duration downFor) {
        return new FailMode(Mode.OK, DEFAULT_DELAY, null, downFor, false);
    }

    public static FailMode acceptThenTimeout(Duration delay) {
        return new FailMode(Mode.OK, delay, null, Duration.ZERO, true);
    }

    /**
     * Reads a setting from its JSON form.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static FailMode fromJson(byte[] json) {
        JsonObject object;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8)) {
            object = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
        for (String name : object.keySet()) {
            if (!MEMBERS.contains(name)) {
                throw new IllegalArgumentException("unknown member " + name + "; known: " + MEMBERS);
            }
        }
        Mode mode = Mode.OK;
        if (object.containsKey("mode")) {
            String text = string(object, "mode");
            try {
                mode = Mode.valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("mode '" + text + "' is not ok, error500, timeout or slow", e);
            }
        }
        Duration delay = object.containsKey("delayMs") ? Duration.ofMillis(millis(object, "delayMs"))
                : mode == Mode.SLOW ? DEFAULT_SLOW_DELAY : DEFAULT_DELAY;
        String reject = object.containsKey("reject") ? string(object, "reject") : null;
        Duration downFor = object.containsKey("downForMs") ? Duration.ofMillis(millis(object, "downForMs"))
                : Duration.ZERO;
        boolean acceptThenTimeout = false;
        if (object.containsKey("acceptThenTimeout")) {
            JsonValue value = object.get("acceptThenTimeout");
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                throw new IllegalArgumentException("acceptThenTimeout is true or false");
            }
            acceptThenTimeout = value == JsonValue.TRUE;
        }
        return new FailMode(mode, delay, reject, downFor, acceptThenTimeout);
    }

    /** The JSON members of this setting. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", mode.key());
        json.put("delayMs", delay.toMillis());
        json.put("reject", reject);
        json.put("downForMs", downFor.toMillis());
        json.put("acceptThenTimeout", acceptThenTimeout);
        return json;
    }

    /** Whether a message with that key and body is to be refused. */
    boolean rejects(String key, String body) {
        return reject != null && (key.contains(reject) || body.contains(reject));
    }

    private static String string(JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonString text)) {
            throw new IllegalArgumentException(name + " is a string");
        }
        return text.getString();
    }

    private static long millis(JsonObject object, String name) {
        if (!(object.get(name) instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 0) {
            throw new IllegalArgumentException(name + " is a whole number of milliseconds, at least 0");
        }
        return number.longValue();
    }
}
