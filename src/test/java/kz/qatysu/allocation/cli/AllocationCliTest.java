package kz.qatysu.allocation.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kz.qatysu.allocation.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllocationCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return AllocationCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOnlyTheSelectedIdsInSelectionOrder() {
        int code = run("--rule", "mes_cost", SharedData.file("equalshares_net_example.pb").toString());

        assertThat(code).isZero();
        assertThat(stdout()).isEqualTo("1\n4\n5\n".replace("\n", System.lineSeparator()));
        assertThat(stderr()).isEmpty();
    }

    @Test
    void explainPrintsATableWithReasonCodes() {
        int code = run("--rule", "mes_cost_add1", "--explain",
                SharedData.file("France_Toulouse_2022_17_-_Mirail-Universite_Reynerie_Bellefontaine.pb").toString());

        assertThat(code).isZero();
        assertThat(stdout()).contains("FUNDED_BY_EQUAL_SHARES", "INSUFFICIENT_SUPPORTER_FUNDS", "endowment per voter");
    }

    @Test
    void jsonCarriesIdsTotalCostAndExplanations() {
        int code = run("--rule", "equalshares_net_add1u", "--json", SharedData.file("tie_example.pb").toString());

        assertThat(code).isZero();
        assertThat(stdout()).contains("\"selected\"", "\"totalCost\": \"100\"", "\"explanations\"",
                "\"reason\": \"FUNDED_BY_EQUAL_SHARES\"");
    }

    @Test
    void unknownRuleIsBadInput() {
        int code = run("--rule", "dictator", SharedData.file("tie_example.pb").toString());

        assertThat(code).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(stderr()).startsWith("error: unknown rule 'dictator'").doesNotContain("\tat ");
        assertThat(stderr().strip().lines()).hasSize(1);
    }

    @Test
    void missingFileIsBadInput() {
        int code = run("--rule", "mes_cost", "/no/such/file.pb");

        assertThat(code).isEqualTo(2);
        assertThat(stderr().strip()).isEqualTo("error: no such file: /no/such/file.pb");
    }

    @Test
    void malformedFileIsBadInputWithTheLineNumber(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.pb");
        Files.writeString(file, "META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n"
                + "1;ten\nVOTES\nvoter_id;vote\n");

        int code = run("--rule", "greedy_cost", file.toString());

        assertThat(code).isEqualTo(2);
        assertThat(stderr().strip()).endsWith("line 7: cost of project 1 is not a number: 'ten'");
    }

    @Test
    void ruleNotDefinedForTheBallotFormatIsBadInput() {
        int code = run("--rule", "seq_phragmen", SharedData.file("Switzerland_Zurich_D10.pb").toString());

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).contains("approval ballots only");
    }

    @Test
    void missingArgumentsPrintUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).contains("usage:");
    }
}
