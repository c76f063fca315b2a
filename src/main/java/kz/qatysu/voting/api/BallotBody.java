package kz.qatysu.voting.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.qatysu.platform.api.ApiProblem;
import kz.qatysu.voting.domain.BallotChoice;

/**
 * The body of a cast, read strictly: {@code {"projects": ["<id>", ...]}} for approval and knapsack ballots, or
 * {@code {"points": {"<id>": n, ...}}} for cumulative ones — exactly one of the two; ids as strings of digits (or
 * JSON integers), points as JSON integers. Other members are ignored: in particular a voter or citizen id in the
 * body means nothing, the voter is always the token's subject. Anything malformed is a 400 problem
 * {@code invalid-ballot-body}; whether the choice fits the round is the service's to say.
 */
final class BallotBody {

    static final int MAX_ENTRIES = 1000;

    /** One reader factory for good: {@code Json.createReader} looks the provider up through ServiceLoader on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

    private BallotBody() {
    }

    static BallotChoice parse(String body) {
        JsonObject json;
        try {
            JsonValue value = READERS.createReader(new StringReader(body == null ? "" : body)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw invalid("object");
            }
            json = value.asJsonObject();
        } catch (JsonParsingException e) {
            throw invalid("json");
        } catch (JsonException | IllegalStateException e) {
            throw invalid("json");
        }
        boolean hasProjects = json.containsKey("projects");
        boolean hasPoints = json.containsKey("points");
        if (hasProjects == hasPoints) {
            throw invalid(hasProjects ? "projects-and-points" : "projects-or-points");
        }
        if (hasProjects) {
            if (json.get("projects").getValueType() != JsonValue.ValueType.ARRAY) {
                throw invalid("projects");
            }
            JsonArray array = json.getJsonArray("projects");
            if (array.size() > MAX_ENTRIES) {
                throw invalid("projects");
            }
            List<Long> ids = new ArrayList<>();
            for (JsonValue v : array) {
                ids.add(id(v));
            }
            return BallotChoice.approve(ids);
        }
        if (json.get("points").getValueType() != JsonValue.ValueType.OBJECT) {
            throw invalid("points");
        }
        JsonObject points = json.getJsonObject("points");
        if (points.size() > MAX_ENTRIES) {
            throw invalid("points");
        }
        Map<Long, Integer> byProject = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : points.entrySet()) {
            JsonValue v = e.getValue();
            if (!(v instanceof JsonNumber n) || !n.isIntegral() || n.bigIntegerValue().bitLength() > 31) {
                throw invalid("points");
            }
            byProject.put(digits(e.getKey()), n.intValue());
        }
        return BallotChoice.points(byProject);
    }

    private static long id(JsonValue v) {
        if (v instanceof JsonString s) {
            return digits(s.getString());
        }
        if (v instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().signum() > 0
                && n.bigIntegerValue().bitLength() < 60) {
            return n.longValue();
        }
        throw invalid("projects");
    }

    private static long digits(String s) {
        if (s == null || !s.matches("[1-9][0-9]{0,17}")) {
            throw invalid("id");
        }
        return Long.parseLong(s);
    }

    private static ApiProblem invalid(String what) {
        return new ApiProblem(400, "invalid-ballot-body", "api.problem.invalid-ballot-body", what);
    }
}
