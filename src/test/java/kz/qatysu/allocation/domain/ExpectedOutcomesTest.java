package kz.qatysu.allocation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kz.qatysu.allocation.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule of every file in expected.json (pabutools 1.2.3 and the equalshares.net reference) is matched exactly. */
class ExpectedOutcomesTest {

    private static final Map<String, Instance> INSTANCES = new HashMap<>();

    static Stream<Arguments> referenceOutcomes() throws IOException {
        JsonObject expected;
        try (Reader reader = Files.newBufferedReader(SharedData.file("expected.json"));
             JsonReader json = Json.createReader(reader)) {
            expected = json.readObject();
        }
        List<Arguments> cases = new ArrayList<>();
        JsonObject instances = expected.getJsonObject("instances");
        for (String file : instances.keySet()) {
            JsonObject rules = instances.getJsonObject(file).getJsonObject("rules");
            for (String rule : rules.keySet()) {
                cases.add(Arguments.of(file, rule, rules.getJsonObject(rule)));
            }
        }
        return cases.stream();
    }

    private static Instance instance(String file) {
        synchronized (INSTANCES) {
            return INSTANCES.computeIfAbsent(file, SharedData::read);
        }
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("referenceOutcomes")
    void reproducesTheReferenceOutcome(String file, String rule, JsonObject expected) {
        Outcome outcome = AllocationRules.allocate(rule, instance(file));

        assertThat(outcome.selected()).containsExactlyInAnyOrderElementsOf(strings(expected, "selected_sorted"));
        if (rule.equals("seq_phragmen")) {
            // pabutools returns Phragmén's allocation sorted by project id, not in selection order
            assertThat(outcome.selected().stream().sorted().toList()).isEqualTo(strings(expected, "selected_in_order"));
        } else {
            assertThat(outcome.selected()).isEqualTo(strings(expected, "selected_in_order"));
        }
        assertThat(outcome.totalCost()).isEqualTo(Rational.parseDecimal(expected.get("total_cost").toString()
                .replace("\"", "")));
        if (expected.containsKey("final_per_voter_endowment")) {
            assertThat(Rational.parseDecimal(outcome.endowment().finalPerVoter()))
                    .isEqualTo(Rational.parseDecimal(expected.getString("final_per_voter_endowment")));
            assertThat(Rational.parseDecimal(outcome.endowment().startPerVoter()))
                    .isEqualTo(Rational.parseDecimal(expected.getString("start_per_voter_endowment")));
            assertThat(outcome.endowment().mesRuns()).isEqualTo(expected.getInt("fixed_budget_runs"));
            assertThat(outcome.unresolvedTies()).hasSize(expected.getJsonArray("unresolved_ties_broken_by_id").size());
            List<String> completed = outcome.explanations().stream()
                    .filter(e -> e.reason() == ReasonCode.FUNDED_BY_COMPLETION).map(ProjectExplanation::projectId).toList();
            assertThat(completed).containsExactlyInAnyOrderElementsOf(strings(expected, "added_by_utilitarian_completion"));
        }
        assertThat(outcome.explanations()).hasSize(instance(file).projects().size());
        assertThat(outcome.explanations().stream().filter(ProjectExplanation::funded).count())
                .isEqualTo(outcome.selected().size());
        assertThat(expected.get("num_selected").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
        assertThat(outcome.selected()).hasSize(expected.getInt("num_selected"));
    }
}
