package kz.qatysu.registry.domain;

import jakarta.json.JsonArray;
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
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qatysu.platform.json.CanonicalJson;

/**
 * The JSON form of an allocation notice, the body of REST and file-drop deliveries. Written canonically
 * ({@link CanonicalJson}: members in code-point order, no white space, UTF-8), so the same notice always gives the
 * same bytes and the same digest. Money is a decimal string with two decimals ({@code "1500000.00"}) so that no
 * reader turns it into a binary float; {@code closedAt} is an ISO-8601 instant. Reading is strict: unknown or
 * duplicate members, wrong types and broken rules are refused with the member's path.
 */
public final class AllocationNoticeJson {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonReaderFactory READERS =
            JSON.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final Set<String> NOTICE_MEMBERS = Set.of("messageKind", "roundId", "version", "roundTitle",
            "territoryKato", "territoryName", "budget", "currency", "rule", "manifestHash", "merkleRoot",
            "protocolDigest", "closedAt", "projects");
    private static final Set<String> PROJECT_MEMBERS = Set.of("proposalId", "title", "territoryKato",
            "budgetClassification", "amount", "votes", "funded");

    private AllocationNoticeJson() {
    }

    /** The canonical UTF-8 JSON bytes of a notice. */
    public static byte[] toJson(AllocationNotice notice) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("messageKind", notice.messageKind());
        json.put("roundId", notice.roundId());
        json.put("version", notice.version());
        json.put("roundTitle", notice.roundTitle());
        json.put("territoryKato", notice.territoryKato());
        json.put("territoryName", notice.territoryName());
        json.put("budget", notice.budget().toPlainString());
        json.put("currency", notice.currency());
        json.put("rule", notice.rule());
        json.put("manifestHash", notice.manifestHash());
        json.put("merkleRoot", notice.merkleRoot());
        json.put("protocolDigest", notice.protocolDigest());
        json.put("closedAt", notice.closedAt().toString());
        List<Map<String, Object>> projects = new ArrayList<>();
        for (AllocatedProject project : notice.projects()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("proposalId", project.proposalId());
            p.put("title", project.title());
            p.put("territoryKato", project.territoryKato());
            p.put("budgetClassification", project.budgetClassification());
            p.put("amount", project.amount().toPlainString());
            p.put("votes", project.votes());
            p.put("funded", project.funded());
            projects.add(p);
        }
        json.put("projects", projects);
        return CanonicalJson.write(json).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a notice from UTF-8 JSON.
     *
     * @throws MalformedMessage naming the member at fault
     */
    public static AllocationNotice fromJson(byte[] json) {
        JsonObject object;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8)) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new MalformedMessage("notice: expected a JSON object, got " + value.getValueType());
            }
            object = value.asJsonObject();
        } catch (JsonException e) {
            throw new MalformedMessage("notice: not valid JSON (" + e.getMessage() + ")", e);
        }
        onlyKnownMembers(object, NOTICE_MEMBERS, "notice");
        List<AllocatedProject> projects = new ArrayList<>();
        JsonArray array = member(object, "projects", JsonValue.ValueType.ARRAY, "notice").asJsonArray();
        for (int i = 0; i < array.size(); i++) {
            projects.add(project(array.get(i), "notice.projects[" + i + "]"));
        }
        try {
            return new AllocationNotice(
                    string(object, "messageKind", "notice"),
                    integer(object, "roundId", "notice"),
                    Math.toIntExact(integer(object, "version", "notice")),
                    string(object, "roundTitle", "notice"),
                    string(object, "territoryKato", "notice"),
                    string(object, "territoryName", "notice"),
                    decimal(object, "budget", "notice"),
                    string(object, "currency", "notice"),
                    string(object, "rule", "notice"),
                    string(object, "manifestHash", "notice"),
                    string(object, "merkleRoot", "notice"),
                    string(object, "protocolDigest", "notice"),
                    instant(object, "closedAt", "notice"),
                    projects);
        } catch (ArithmeticException e) {
            throw new MalformedMessage("notice.version: out of range", e);
        } catch (MalformedMessage e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MalformedMessage("notice: " + e.getMessage(), e);
        }
    }

    private static AllocatedProject project(JsonValue value, String path) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedMessage(path + ": expected an object, got " + value.getValueType());
        }
        JsonObject object = value.asJsonObject();
        onlyKnownMembers(object, PROJECT_MEMBERS, path);
        JsonValue funded = member(object, "funded", null, path);
        if (funded != JsonValue.TRUE && funded != JsonValue.FALSE) {
            throw new MalformedMessage(path + ".funded: expected true or false, got " + funded.getValueType());
        }
        try {
            return new AllocatedProject(
                    integer(object, "proposalId", path),
                    string(object, "title", path),
                    string(object, "territoryKato", path),
                    string(object, "budgetClassification", path),
                    decimal(object, "amount", path),
                    integer(object, "votes", path),
                    funded == JsonValue.TRUE);
        } catch (MalformedMessage e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new MalformedMessage(path + ": " + e.getMessage(), e);
        }
    }

    private static void onlyKnownMembers(JsonObject object, Set<String> known, String path) {
        for (String name : object.keySet()) {
            if (!known.contains(name)) {
                throw new MalformedMessage(path + "." + name + ": unknown member");
            }
        }
    }

    private static JsonValue member(JsonObject object, String name, JsonValue.ValueType type, String path) {
        JsonValue value = object.get(name);
        if (value == null) {
            throw new MalformedMessage(path + "." + name + ": missing");
        }
        if (type != null && value.getValueType() != type) {
            throw new MalformedMessage(path + "." + name + ": expected " + type + ", got " + value.getValueType());
        }
        return value;
    }

    private static String string(JsonObject object, String name, String path) {
        return ((JsonString) member(object, name, JsonValue.ValueType.STRING, path)).getString();
    }

    private static long integer(JsonObject object, String name, String path) {
        JsonNumber number = (JsonNumber) member(object, name, JsonValue.ValueType.NUMBER, path);
        try {
            return number.bigDecimalValue().longValueExact();
        } catch (ArithmeticException e) {
            throw new MalformedMessage(path + "." + name + ": expected a whole number, got " + number, e);
        }
    }

    private static BigDecimal decimal(JsonObject object, String name, String path) {
        return NoticeFields.parseMoney(string(object, name, path), path + "." + name);
    }

    private static Instant instant(JsonObject object, String name, String path) {
        String text = string(object, name, path);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedMessage(path + "." + name + ": expected an ISO-8601 instant, got \"" + text
                    + "\"", e);
        }
    }
}
