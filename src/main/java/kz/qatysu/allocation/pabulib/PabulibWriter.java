package kz.qatysu.allocation.pabulib;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import kz.qatysu.allocation.domain.Ballot;
import kz.qatysu.allocation.domain.Instance;
import kz.qatysu.allocation.domain.Project;
import kz.qatysu.allocation.domain.Rational;

/**
 * Writes an instance as a Pabulib {@code .pb} file (UTF-8, LF, CSV quoting where needed) so that
 * {@link PabulibReader} reads back an equal instance. Ballots are anonymous: voter ids are numbered 1..n, and the age
 * band and sex columns are written only when asked for.
 */
public final class PabulibWriter {

    private final boolean withAgeBand;
    private final boolean withSex;
    private final String rule;

    private PabulibWriter(boolean withAgeBand, boolean withSex, String rule) {
        this.withAgeBand = withAgeBand;
        this.withSex = withSex;
        this.rule = rule;
    }

    /** A writer that leaves out all voter attributes. */
    public static PabulibWriter anonymous() {
        return new PabulibWriter(false, false, null);
    }

    /** A writer that keeps the age band and sex of ballots (columns {@code age} and {@code sex}). */
    public static PabulibWriter withDemographics() {
        return new PabulibWriter(true, true, null);
    }

    /** The same writer, recording the given allocation rule in META {@code rule}. */
    public PabulibWriter withRule(String pabulibRule) {
        return new PabulibWriter(withAgeBand, withSex, pabulibRule);
    }

    public void write(Instance instance, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(instance, out);
        }
    }

    public String toText(Instance instance) {
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            write(instance, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return text.toString();
    }

    public void write(Instance instance, Writer out) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(instance.meta());
        meta.put("num_projects", Integer.toString(instance.projects().size()));
        meta.put("num_votes", Integer.toString(instance.ballots().size()));
        if (!sameNumber(meta.get("budget"), instance.budget())) {
            meta.put("budget", instance.budget().toExactString());
        }
        if (!instance.voteType().pabulibName().equalsIgnoreCase(String.valueOf(meta.get("vote_type")).trim())) {
            meta.put("vote_type", instance.voteType().pabulibName());
        }
        if (rule != null) {
            meta.put("rule", rule);
        }
        out.write("META\nkey;value\n");
        for (Map.Entry<String, String> entry : meta.entrySet()) {
            line(out, List.of(entry.getKey(), entry.getValue()));
        }

        Set<String> columns = new LinkedHashSet<>();
        for (Project project : instance.projects()) {
            columns.addAll(project.attributes().keySet());
        }
        List<String> projectHeader = new ArrayList<>(List.of("project_id", "cost"));
        projectHeader.addAll(columns);
        out.write("PROJECTS\n");
        line(out, projectHeader);
        for (Project project : instance.projects()) {
            List<String> row = new ArrayList<>(List.of(project.id(), project.cost().toExactString()));
            for (String column : columns) {
                row.add(project.attributes().getOrDefault(column, "None"));
            }
            line(out, row);
        }

        boolean points = instance.voteType().hasPoints();
        boolean age = withAgeBand && instance.ballots().stream().anyMatch(b -> b.ageBand() != null);
        boolean sex = withSex && instance.ballots().stream().anyMatch(b -> b.sex() != null);
        List<String> voteHeader = new ArrayList<>(List.of("voter_id", "vote"));
        if (points) {
            voteHeader.add("points");
        }
        if (age) {
            voteHeader.add("age");
        }
        if (sex) {
            voteHeader.add("sex");
        }
        out.write("VOTES\n");
        line(out, voteHeader);
        int voter = 0;
        for (Ballot ballot : instance.ballots()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(++voter), String.join(",", ballot.projectIds())));
            if (points) {
                row.add(ballot.points().stream().map(Rational::toExactString).collect(Collectors.joining(",")));
            }
            if (age) {
                row.add(ballot.ageBand() == null ? "None" : ballot.ageBand());
            }
            if (sex) {
                row.add(ballot.sex() == null ? "None" : ballot.sex());
            }
            line(out, row);
        }
    }

    private static boolean sameNumber(String text, Rational value) {
        if (text == null) {
            return false;
        }
        try {
            return Rational.parseDecimal(text.replace(',', '.')).equals(value);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(';');
            }
            out.write(quote(fields.get(i)));
        }
        out.write('\n');
    }

    /** CSV quoting: fields with {@code ;}, quotes, line breaks or edge spaces are quoted, quotes doubled. */
    static String quote(String field) {
        boolean needs = field.indexOf(';') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0 || !field.equals(field.trim());
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
