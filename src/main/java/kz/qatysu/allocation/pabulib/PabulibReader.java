package kz.qatysu.allocation.pabulib;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kz.qatysu.allocation.domain.Ballot;
import kz.qatysu.allocation.domain.Instance;
import kz.qatysu.allocation.domain.Project;
import kz.qatysu.allocation.domain.Rational;
import kz.qatysu.allocation.domain.VoteType;

/**
 * Reads Pabulib {@code .pb} files (pabulib.org/format) the way pabutools does: UTF-8 with or without BOM, CR/LF/CRLF,
 * CSV quoting with {@code ;}, trimmed fields, {@code None} meaning missing, blank lines skipped, costs and budget as
 * exact decimals (a {@code ,} decimal separator is accepted). Anything malformed is refused with a
 * {@link PabulibFormatException} naming the line and the problem.
 *
 * <p>Voter ids are only used to detect duplicates; ballots are kept anonymous, an integer {@code age} is reduced to a
 * ten-year band such as {@code 30-39}.</p>
 */
public final class PabulibReader {

    private static final String MISSING = "None";

    private enum Section { META, PROJECTS, VOTES }

    public Instance read(Path file) throws IOException, PabulibFormatException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PabulibFormatException(1, "the file is not valid UTF-8");
        }
        return parse(text);
    }

    public Instance parse(String text) throws PabulibFormatException {
        CsvRecords records = new CsvRecords(text);
        Map<String, String> meta = new LinkedHashMap<>();
        List<String> projectHeader = null;
        List<String> voteHeader = null;
        List<Project> projects = new ArrayList<>();
        Map<String, Integer> projectLines = new HashMap<>();
        List<CsvRecords.Row> voteRows = new ArrayList<>();
        Section section = null;
        boolean expectHeader = false;
        int lastLine = 1;
        Set<Section> seen = new HashSet<>();
        CsvRecords.Row row;
        while ((row = records.next()) != null) {
            lastLine = row.line();
            if (row.isBlank()) {
                continue;
            }
            Section title = sectionTitle(row);
            if (title != null) {
                if (seen.contains(title)) {
                    throw new PabulibFormatException(row.line(), "section " + title + " appears twice");
                }
                if (section == null && title != Section.META || section != null && title.ordinal() != section.ordinal() + 1) {
                    throw new PabulibFormatException(row.line(), "section " + title + " is out of order; expected "
                            + (section == null ? Section.META : Section.values()[Math.min(section.ordinal() + 1, 2)]));
                }
                seen.add(title);
                section = title;
                expectHeader = true;
                continue;
            }
            if (section == null) {
                throw new PabulibFormatException(row.line(), "the file must start with the META section");
            }
            if (expectHeader) {
                expectHeader = false;
                switch (section) {
                    case META -> {
                        if (row.fields().size() != 2 || !row.fields().get(0).equalsIgnoreCase("key")) {
                            throw new PabulibFormatException(row.line(), "META header must be 'key;value'");
                        }
                    }
                    case PROJECTS -> projectHeader = header(row, "project_id", "cost");
                    case VOTES -> voteHeader = header(row, "voter_id", "vote");
                }
                continue;
            }
            switch (section) {
                case META -> readMeta(row, meta);
                case PROJECTS -> projects.add(readProject(row, projectHeader, projectLines));
                case VOTES -> voteRows.add(row);
            }
        }
        for (Section required : Section.values()) {
            if (!seen.contains(required)) {
                throw new PabulibFormatException(lastLine, "section " + required + " is missing");
            }
        }
        if (expectHeader) {
            throw new PabulibFormatException(lastLine, "section " + section + " has no header line");
        }
        Rational budget = number(meta.get("budget"), "budget", metaLine(meta, lastLine));
        if (budget.signum() < 0) {
            throw new PabulibFormatException(lastLine, "budget is negative: " + meta.get("budget"));
        }
        String typeName = meta.get("vote_type");
        if (typeName == null) {
            throw new PabulibFormatException(lastLine, "META has no vote_type");
        }
        VoteType type = VoteType.fromPabulibName(typeName).orElseThrow(() -> new PabulibFormatException(1,
                "unknown vote_type '" + typeName + "'"));
        List<Ballot> ballots = readBallots(voteRows, voteHeader, type, projectLines);
        checkCount(meta, "num_projects", projects.size(), lastLine);
        checkCount(meta, "num_votes", ballots.size(), lastLine);
        try {
            return new Instance(meta, budget, type, projects, ballots);
        } catch (IllegalArgumentException e) {
            throw new PabulibFormatException(lastLine, e.getMessage());
        }
    }

    private static int metaLine(Map<String, String> meta, int fallback) throws PabulibFormatException {
        if (!meta.containsKey("budget")) {
            throw new PabulibFormatException(fallback, "META has no budget");
        }
        return fallback;
    }

    private static Section sectionTitle(CsvRecords.Row row) {
        if (row.fields().size() > 2 || (row.fields().size() == 2 && !row.fields().get(1).isEmpty())) {
            return null;
        }
        return switch (row.fields().get(0).toLowerCase(Locale.ROOT)) {
            case "meta" -> Section.META;
            case "projects" -> Section.PROJECTS;
            case "votes" -> Section.VOTES;
            default -> null;
        };
    }

    private static List<String> header(CsvRecords.Row row, String... required) throws PabulibFormatException {
        List<String> header = row.fields();
        for (String column : required) {
            if (!header.contains(column)) {
                throw new PabulibFormatException(row.line(), "header has no '" + column + "' column: " + header);
            }
        }
        if (new HashSet<>(header).size() != header.size()) {
            throw new PabulibFormatException(row.line(), "header names a column twice: " + header);
        }
        return header;
    }

    /**
     * A META line is {@code key;value}. Some real files have an unquoted {@code ;} inside a free-text value
     * (pabutools keeps only the part before it); the value is kept whole here.
     */
    private static void readMeta(CsvRecords.Row row, Map<String, String> meta) throws PabulibFormatException {
        if (row.fields().size() < 2) {
            throw new PabulibFormatException(row.line(), "META lines need a key and a value (key;value)");
        }
        String key = row.fields().get(0);
        if (key.isEmpty()) {
            throw new PabulibFormatException(row.line(), "META key is empty");
        }
        String value = String.join(";", row.fields().subList(1, row.fields().size())).trim();
        if (meta.put(key, value) != null) {
            throw new PabulibFormatException(row.line(), "META key '" + key + "' appears twice");
        }
    }

    private static Map<String, String> fields(CsvRecords.Row row, List<String> header) throws PabulibFormatException {
        if (row.fields().size() != header.size()) {
            throw new PabulibFormatException(row.line(), "expected " + header.size() + " fields as in the header, found "
                    + row.fields().size());
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String value = row.fields().get(i);
            if (!value.equals(MISSING)) {
                values.put(header.get(i), value);
            }
        }
        return values;
    }

    private static Project readProject(CsvRecords.Row row, List<String> header, Map<String, Integer> lines)
            throws PabulibFormatException {
        Map<String, String> values = fields(row, header);
        String id = values.remove("project_id");
        if (id == null || id.isEmpty()) {
            throw new PabulibFormatException(row.line(), "project_id is missing");
        }
        Integer earlier = lines.putIfAbsent(id, row.line());
        if (earlier != null) {
            throw new PabulibFormatException(row.line(), "duplicate project_id '" + id + "' (first on line " + earlier + ")");
        }
        String costText = values.remove("cost");
        if (costText == null || costText.isEmpty()) {
            throw new PabulibFormatException(row.line(), "project " + id + " has no cost");
        }
        Rational cost = number(costText, "cost of project " + id, row.line());
        if (cost.signum() < 0) {
            throw new PabulibFormatException(row.line(), "project " + id + " has a negative cost: " + costText);
        }
        return new Project(id, cost, values);
    }

    private static Rational number(String text, String what, int line) throws PabulibFormatException {
        if (text == null || text.isEmpty()) {
            throw new PabulibFormatException(line, what + " is missing");
        }
        try {
            return Rational.parseDecimal(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new PabulibFormatException(line, what + " is not a number: '" + text + "'");
        }
    }

    private static List<Ballot> readBallots(List<CsvRecords.Row> rows, List<String> header, VoteType type,
                                            Map<String, Integer> projects) throws PabulibFormatException {
        List<Ballot> ballots = new ArrayList<>(rows.size());
        Map<String, Integer> voters = new HashMap<>();
        if (type.hasPoints() && !header.contains("points")) {
            throw new PabulibFormatException(rows.isEmpty() ? 1 : rows.get(0).line() - 1,
                    "a " + type.pabulibName() + " file needs a 'points' column in VOTES");
        }
        for (CsvRecords.Row row : rows) {
            Map<String, String> values = fields(row, header);
            String voter = values.get("voter_id");
            if (voter == null || voter.isEmpty()) {
                throw new PabulibFormatException(row.line(), "voter_id is missing");
            }
            Integer earlier = voters.putIfAbsent(voter, row.line());
            if (earlier != null) {
                throw new PabulibFormatException(row.line(), "duplicate voter_id '" + voter + "' (first on line "
                        + earlier + ")");
            }
            List<String> vote = list(values.get("vote"));
            Set<String> distinct = new HashSet<>();
            for (String id : vote) {
                if (!projects.containsKey(id)) {
                    throw new PabulibFormatException(row.line(), "vote of voter " + voter + " names unknown project '"
                            + id + "'");
                }
                if (!distinct.add(id)) {
                    throw new PabulibFormatException(row.line(), "vote of voter " + voter + " names project '" + id
                            + "' twice");
                }
            }
            List<Rational> points = List.of();
            if (type.hasPoints()) {
                List<String> texts = list(values.get("points"));
                if (texts.size() != vote.size()) {
                    throw new PabulibFormatException(row.line(), "voter " + voter + " has " + vote.size()
                            + " projects in vote but " + texts.size() + " in points");
                }
                List<Rational> parsed = new ArrayList<>();
                for (String text : texts) {
                    Rational point = number(text, "points of voter " + voter, row.line());
                    if (type == VoteType.CUMULATIVE && point.signum() < 0) {
                        throw new PabulibFormatException(row.line(), "voter " + voter + " gives negative points");
                    }
                    parsed.add(point);
                }
                points = parsed;
            }
            ballots.add(new Ballot(vote, points, ageBand(values.get("age")), blankToNull(values.get("sex"))));
        }
        return ballots;
    }

    private static List<String> list(String field) {
        if (field == null || field.isEmpty()) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : field.split(",", -1)) {
            String trimmed = item.trim();
            if (!trimmed.isEmpty()) {
                items.add(trimmed);
            }
        }
        return items;
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** An integer age becomes a ten-year band ({@code 34 -> "30-39"}); a value that already is a band is kept. */
    static String ageBand(String age) {
        if (age == null || age.isEmpty()) {
            return null;
        }
        try {
            int years = Integer.parseInt(age);
            if (years < 0) {
                return null;
            }
            int low = years / 10 * 10;
            return low + "-" + (low + 9);
        } catch (NumberFormatException e) {
            return age;
        }
    }

    private static void checkCount(Map<String, String> meta, String key, int actual, int line)
            throws PabulibFormatException {
        String declared = meta.get(key);
        if (declared == null) {
            return;
        }
        try {
            if (Integer.parseInt(declared) != actual) {
                throw new PabulibFormatException(line, key + " says " + declared + " but the file has " + actual);
            }
        } catch (NumberFormatException e) {
            throw new PabulibFormatException(line, key + " is not an integer: '" + declared + "'");
        }
    }
}
