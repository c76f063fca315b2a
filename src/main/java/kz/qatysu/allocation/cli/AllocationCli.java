package kz.qatysu.allocation.cli;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.qatysu.allocation.application.AllocationService;
import kz.qatysu.allocation.domain.Comparison;
import kz.qatysu.allocation.domain.Endowment;
import kz.qatysu.allocation.domain.Instance;
import kz.qatysu.allocation.application.OutcomeJson;
import kz.qatysu.allocation.domain.Outcome;
import kz.qatysu.allocation.domain.ProjectExplanation;
import kz.qatysu.allocation.domain.RuleNotApplicableException;
import kz.qatysu.allocation.pabulib.PabulibFormatException;
import kz.qatysu.allocation.pabulib.PabulibReader;

/**
 * {@code java -jar qatysu-allocation.jar --rule RULE [--explain | --json] FILE.pb}
 *
 * <p>Prints the funded project ids in selection order, one per line (nothing else on stdout); with {@code --explain}
 * a table of reasons, with {@code --json} ids, total cost and explanations as JSON. Exit code 0 on success, 2 on bad
 * input (unknown rule, missing or malformed file, rule not defined for the ballot format) with a one-line message on
 * stderr.</p>
 */
public final class AllocationCli {

    static final int OK = 0;
    static final int INTERNAL_ERROR = 1;
    static final int BAD_INPUT = 2;

    private static final String USAGE = "usage: java -jar qatysu-allocation.jar --rule RULE [--explain | --json] FILE.pb"
            + "  (--rules lists the rules)";

    private AllocationCli() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        int code = run(args, out, err);
        out.flush();
        System.exit(code);
    }

    /** Runs the CLI and returns its exit code instead of exiting. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String rule = null;
        String file = null;
        boolean explain = false;
        boolean json = false;
        AllocationService service = new AllocationService();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rule" -> {
                    if (i + 1 >= args.length) {
                        return fail(err, "--rule needs a value. " + USAGE);
                    }
                    rule = args[++i];
                }
                case "--explain" -> explain = true;
                case "--json" -> json = true;
                case "--rules" -> {
                    service.ruleKeys().forEach(out::println);
                    return OK;
                }
                default -> {
                    if (args[i].startsWith("--")) {
                        return fail(err, "unknown option " + args[i] + ". " + USAGE);
                    }
                    if (file != null) {
                        return fail(err, "only one file may be given. " + USAGE);
                    }
                    file = args[i];
                }
            }
        }
        if (rule == null || file == null) {
            return fail(err, USAGE);
        }
        if (explain && json) {
            return fail(err, "--explain and --json exclude each other");
        }
        if (!service.ruleKeys().contains(rule)) {
            return fail(err, "unknown rule '" + rule + "' (--rules lists them)");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            return fail(err, "no such file: " + file);
        }
        try {
            Instance instance = new PabulibReader().read(path);
            Outcome outcome = service.allocate(rule, instance);
            if (json) {
                out.println(json(outcome));
            } else if (explain) {
                printTable(outcome, out);
            } else {
                outcome.selected().forEach(out::println);
            }
            return OK;
        } catch (PabulibFormatException e) {
            return fail(err, file + ": line " + e.line() + ": " + e.problem());
        } catch (NoSuchFileException e) {
            return fail(err, "no such file: " + file);
        } catch (IOException e) {
            return fail(err, "cannot read " + file + ": " + e.getMessage());
        } catch (RuleNotApplicableException e) {
            return fail(err, e.getMessage());
        } catch (RuntimeException e) {
            err.println("error: " + e);
            return INTERNAL_ERROR;
        }
    }

    private static int fail(PrintStream err, String message) {
        err.println("error: " + message);
        return BAD_INPUT;
    }

    private static void printTable(Outcome outcome, PrintStream out) {
        out.printf("rule %s, budget %s, total cost %s, %d voters%n", outcome.rule(), outcome.budget(),
                outcome.totalCost(), outcome.voters());
        Endowment endowment = outcome.endowment();
        if (endowment != null) {
            out.printf("endowment per voter: start %s, final %s, %d MES runs%n", endowment.startPerVoter(),
                    endowment.finalPerVoter(), endowment.mesRuns());
        }
        Comparison comparison = outcome.comparison();
        if (comparison != null) {
            out.printf("comparison (%s): %d voters prefer MES, %d prefer greedy -> %s%n", comparison.measure(),
                    comparison.votersPreferringMes(), comparison.votersPreferringGreedy(),
                    comparison.greedyChosen() ? "greedy" : "MES");
        }
        List<ProjectExplanation> rows = new ArrayList<>(outcome.explanations());
        rows.sort((a, b) -> {
            if (a.funded() != b.funded()) {
                return a.funded() ? -1 : 1;
            }
            return Integer.compare(a.step(), b.step());
        });
        int idWidth = Math.max(7, rows.stream().mapToInt(r -> r.projectId().length()).max().orElse(0));
        String format = "%-" + idWidth + "s  %4s  %14s  %7s  %-30s  %s%n";
        out.printf(format, "project", "step", "cost", "votes", "reason", "figures");
        for (ProjectExplanation row : rows) {
            out.printf(format, row.projectId(), row.step() == 0 ? "-" : Integer.toString(row.step()), row.cost(),
                    row.votes(), row.reason(), figures(row.figures()));
        }
    }

    private static String figures(Map<String, String> figures) {
        StringBuilder text = new StringBuilder();
        figures.forEach((key, value) -> text.append(text.isEmpty() ? "" : ", ").append(key).append('=').append(value));
        return text.toString();
    }

    static String json(Outcome outcome) {
        return OutcomeJson.pretty(outcome);
    }
}
