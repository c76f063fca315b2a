package kz.qatysu.dashboard.domain;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import kz.qatysu.territory.domain.KatoCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the eligible-population reference file: {@code kato,eligible_residents[,as_of]} per line (comma or
 * semicolon, optional header line starting with {@code kato}, optional byte-order mark, ISO dates). Every line is
 * checked before anything is stored: a malformed line, an unknown KATO code, a negative or non-numeric count, a bad
 * date or a code given twice is a problem with its line number, and a file with any problem yields no rows.
 */
public final class EligiblePopulationFile {

    /** More units than the classifier holds by a wide margin. */
    public static final int MAX_ROWS = 100_000;

    /** One unit's figure. */
    public record Row(int line, KatoCode territory, int eligibleResidents, LocalDate asOf) {
    }

    /** A problem: 1-based line (0 for the whole file), i18n key and the offending value (codes and numbers only). */
    public record Problem(int line, String messageKey, String detail) {
    }

    public record Result(List<Row> rows, List<Problem> problems) {
        public boolean valid() {
            return problems.isEmpty() && !rows.isEmpty();
        }
    }

    private EligiblePopulationFile() {
    }

    /**
     * @param knownTerritory whether a well-formed code is in the classifier
     * @param defaultAsOf    the as-of date of lines without one
     */
    public static Result parse(String text, Predicate<KatoCode> knownTerritory, LocalDate defaultAsOf) {
        String content = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        List<String> lines = content.lines().toList();
        List<Row> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            String raw = lines.get(i).strip();
            if (raw.isEmpty()) {
                continue;
            }
            if (rows.size() + problems.size() >= MAX_ROWS) {
                return new Result(List.of(), List.of(new Problem(line, "dashboard.eligible.too-many-rows",
                        String.valueOf(MAX_ROWS))));
            }
            List<String> fields = fields(raw);
            if (fields == null || fields.size() < 2 || fields.size() > 3) {
                problems.add(new Problem(line, "dashboard.eligible.malformed", ""));
                continue;
            }
            String code = fields.get(0);
            if (line == firstNonBlank(lines) && code.toLowerCase(Locale.ROOT).startsWith("kato")) {
                continue; // the header
            }
            if (!KatoCode.isWellFormed(code)) {
                problems.add(new Problem(line, "dashboard.eligible.bad-kato", shorten(code)));
                continue;
            }
            KatoCode kato = KatoCode.of(code);
            if (!knownTerritory.test(kato)) {
                problems.add(new Problem(line, "dashboard.eligible.unknown-kato", code));
                continue;
            }
            Integer eligible = count(fields.get(1));
            if (eligible == null) {
                problems.add(new Problem(line, "dashboard.eligible.bad-number", shorten(fields.get(1))));
                continue;
            }
            if (eligible < 0) {
                problems.add(new Problem(line, "dashboard.eligible.negative", fields.get(1)));
                continue;
            }
            LocalDate asOf = defaultAsOf;
            if (fields.size() == 3 && !fields.get(2).isEmpty()) {
                try {
                    asOf = LocalDate.parse(fields.get(2));
                } catch (DateTimeParseException e) {
                    problems.add(new Problem(line, "dashboard.eligible.bad-date", shorten(fields.get(2))));
                    continue;
                }
            }
            Integer earlier = seen.putIfAbsent(code, line);
            if (earlier != null) {
                problems.add(new Problem(line, "dashboard.eligible.duplicate", code));
                continue;
            }
            rows.add(new Row(line, kato, eligible, asOf));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(0, "dashboard.eligible.empty", ""));
        }
        return new Result(problems.isEmpty() ? List.copyOf(rows) : List.of(), List.copyOf(problems));
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The fields of one line (quotes allowed), or null when it is not CSV. */
    private static List<String> fields(String line) {
        char delimiter = line.indexOf(';') >= 0 && line.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(line, format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.size() != 1) {
                return null;
            }
            return records.getFirst().toList();
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            return null;
        }
    }

    /** ASCII digits with an optional minus sign; null when not such a number or beyond an int. */
    private static Integer count(String value) {
        if (!value.matches("-?[0-9]{1,10}")) {
            return null;
        }
        long v = Long.parseLong(value);
        return v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? null : (int) v;
    }

    private static String shorten(String value) {
        String safe = value.replaceAll("[^\\p{L}\\p{N} ._:/-]", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }
}
