package kz.qatysu.platform.json;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/**
 * JSON indented for people to read (a published rules manifest on a page). Keys keep their order and numbers their
 * digits; the result is for display only, the hash of a manifest is always over its canonical text.
 */
public final class PrettyJson {

    private PrettyJson() {
    }

    /** The same JSON value, one member per line, nested values indented. */
    public static String format(String json) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            value = reader.readValue();
        }
        StringWriter out = new StringWriter();
        try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.write(value);
        }
        return out.toString().strip();
    }
}
