package kz.qatysu.allocation.application;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Map;
import kz.qatysu.allocation.domain.Comparison;
import kz.qatysu.allocation.domain.Outcome;
import kz.qatysu.allocation.domain.ProjectExplanation;

/** An outcome as JSON: selection, totals, endowment, comparison, ties and every project's explanation. */
public final class OutcomeJson {

    private OutcomeJson() {
    }

    /** The outcome as a JSON object (what the CLI's {@code --json} prints and the platform stores). */
    public static JsonObject object(Outcome outcome) {
        JsonObjectBuilder root = Json.createObjectBuilder()
                .add("rule", outcome.rule())
                .add("selected", Json.createArrayBuilder(outcome.selected()))
                .add("totalCost", outcome.totalCost().toExactString())
                .add("budget", outcome.budget().toExactString())
                .add("voters", outcome.voters());
        if (outcome.endowment() != null) {
            root.add("endowment", Json.createObjectBuilder()
                    .add("startPerVoter", outcome.endowment().startPerVoter())
                    .add("finalPerVoter", outcome.endowment().finalPerVoter())
                    .add("mesRuns", outcome.endowment().mesRuns()));
        }
        if (outcome.comparison() != null) {
            Comparison c = outcome.comparison();
            root.add("comparison", Json.createObjectBuilder()
                    .add("measure", c.measure())
                    .add("votersPreferringMes", c.votersPreferringMes())
                    .add("votersPreferringGreedy", c.votersPreferringGreedy())
                    .add("greedyChosen", c.greedyChosen())
                    .add("greedySelection", Json.createArrayBuilder(c.greedySelection()))
                    .add("mesSelection", Json.createArrayBuilder(c.mesSelection())));
        }
        JsonArrayBuilder ties = Json.createArrayBuilder();
        outcome.unresolvedTies().forEach(tie -> ties.add(Json.createArrayBuilder(tie)));
        root.add("unresolvedTies", ties);
        JsonArrayBuilder explanations = Json.createArrayBuilder();
        for (ProjectExplanation e : outcome.explanations()) {
            JsonObjectBuilder figures = Json.createObjectBuilder();
            e.figures().forEach(figures::add);
            explanations.add(Json.createObjectBuilder()
                    .add("projectId", e.projectId())
                    .add("funded", e.funded())
                    .add("step", e.step())
                    .add("cost", e.cost())
                    .add("votes", e.votes())
                    .add("totalSupport", e.totalSupport())
                    .add("reason", e.reason().name())
                    .add("figures", figures));
        }
        root.add("explanations", explanations);
        return root.build();
    }

    /** The outcome as indented JSON text. */
    public static String pretty(Outcome outcome) {
        StringWriter text = new StringWriter();
        JsonWriterFactory factory = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
        try (JsonWriter writer = factory.createWriter(text)) {
            writer.writeObject(object(outcome));
        }
        return text.toString().strip();
    }
}
