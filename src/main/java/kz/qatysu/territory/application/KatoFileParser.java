package kz.qatysu.territory.application;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kz.qatysu.territory.domain.KatoCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a KATO classifier file into rows, checking every row before anything is stored.
 * <p>
 * Two layouts are accepted, recognised by their header:
 * <ul>
 *     <li>{@link Layout#QATYSU}: {@code code,parent,level,name_en,name_kk,name_ru} (the sample of the shared data);</li>
 *     <li>{@link Layout#OFFICIAL}: the statistics bureau's classifier export {@code te,ab,cd,ef,hij,k,name_kaz,name_rus,nn}
 *     (also {@code kaz_name}/{@code rus_name}), where {@code te} is the code and the parent is the nearest existing
 *     ancestor by the code structure.</li>
 * </ul>
 * Either comma or semicolon separated, with or without a byte-order mark. Every problem is reported with its line
 * number; a file with any problem yields no rows.
 */
public final class KatoFileParser {

    /** More units than the full classifier (~10,000) by a wide margin: a larger file is refused, not read. */
    public static final int MAX_ROWS = 100_000;

    public enum Layout { QATYSU, OFFICIAL }

    /** One unit read from the file; {@code parent} is null for a top-level unit. */
    public record Row(int line, KatoCode code, KatoCode parent, String level, String nameKk, String nameRu, String nameEn) {
    }

    public record Result(Layout layout, List<Row> rows) {
    }

    public Result parse(Reader input) {
        String text;
        try {
            text = readAll(input);
        } catch (IOException e) {
            throw new KatoImportException(List.of(new KatoImportException.Problem(0, "kato.import.unreadable", "")));
        }
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setTrim(true)
                .setIgnoreEmptyLines(true)
                .get();
        List<KatoImportException.Problem> problems = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Map<String, Integer> header = normalisedHeader(parser.getHeaderMap());
            Layout layout = detectLayout(header);
            if (layout == null) {
                throw new KatoImportException(List.of(new KatoImportException.Problem(1, "kato.import.header", firstLine)));
            }
            LineIndex lines = new LineIndex(text);
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (records.size() >= MAX_ROWS) {
                    throw new KatoImportException(List.of(new KatoImportException.Problem(
                            (int) parser.getCurrentLineNumber(), "kato.import.too-many-rows", String.valueOf(MAX_ROWS))));
                }
                records.add(record);
            }
            List<Row> rows = layout == Layout.QATYSU
                    ? readQatysu(records, header, lines, problems)
                    : readOfficial(records, header, lines, problems);
            checkTree(rows, problems);
            if (!problems.isEmpty()) {
                throw new KatoImportException(problems);
            }
            return new Result(layout, rows);
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports malformed quoting and similar as these, with the line in its message.
            throw new KatoImportException(List.of(new KatoImportException.Problem(0, "kato.import.malformed", e.getMessage())));
        }
    }

    private static String readAll(Reader input) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buffer = new char[8192];
        int n;
        while ((n = input.read(buffer)) > 0) {
            sb.append(buffer, 0, n);
            if (sb.length() > 64L * 1024 * 1024) {
                throw new KatoImportException(List.of(new KatoImportException.Problem(0, "kato.import.too-large", "")));
            }
        }
        return sb.toString();
    }

    private static Map<String, Integer> normalisedHeader(Map<String, Integer> header) {
        Map<String, Integer> normalised = new LinkedHashMap<>();
        header.forEach((name, index) -> normalised.put(name.strip().toLowerCase(Locale.ROOT), index));
        return normalised;
    }

    private static Layout detectLayout(Map<String, Integer> header) {
        if (header.keySet().containsAll(List.of("code", "name_kk", "name_ru"))) {
            return Layout.QATYSU;
        }
        if (header.containsKey("te")
                && (header.containsKey("name_kaz") || header.containsKey("kaz_name"))
                && (header.containsKey("name_rus") || header.containsKey("rus_name"))) {
            return Layout.OFFICIAL;
        }
        return null;
    }

    private static List<Row> readQatysu(List<CSVRecord> records, Map<String, Integer> header, LineIndex lines,
                                        List<KatoImportException.Problem> problems) {
        List<Row> rows = new ArrayList<>();
        for (CSVRecord record : records) {
            int line = lines.lineOf(record.getCharacterPosition());
            if (!record.isConsistent()) {
                problems.add(new KatoImportException.Problem(line, "kato.import.columns", String.valueOf(record.size())));
                continue;
            }
            String code = field(record, header, "code");
            String parent = field(record, header, "parent");
            KatoCode katoCode = code(code, line, problems);
            KatoCode parentCode = parent.isEmpty() ? null : code(parent, line, problems);
            String nameKk = field(record, header, "name_kk");
            String nameRu = field(record, header, "name_ru");
            if (!names(nameKk, nameRu, line, problems) || katoCode == null || (!parent.isEmpty() && parentCode == null)) {
                continue;
            }
            rows.add(new Row(line, katoCode, parentCode, field(record, header, "level"), nameKk, nameRu,
                    field(record, header, "name_en")));
        }
        return rows;
    }

    private static List<Row> readOfficial(List<CSVRecord> records, Map<String, Integer> header, LineIndex lines,
                                          List<KatoImportException.Problem> problems) {
        List<Row> candidates = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (CSVRecord record : records) {
            int line = lines.lineOf(record.getCharacterPosition());
            if (!record.isConsistent()) {
                problems.add(new KatoImportException.Problem(line, "kato.import.columns", String.valueOf(record.size())));
                continue;
            }
            KatoCode katoCode = code(field(record, header, "te"), line, problems);
            String nameKk = first(field(record, header, "name_kaz"), field(record, header, "kaz_name"));
            String nameRu = first(field(record, header, "name_rus"), field(record, header, "rus_name"));
            if (!names(nameKk, nameRu, line, problems) || katoCode == null) {
                continue;
            }
            codes.add(katoCode.value());
            candidates.add(new Row(line, katoCode, null, levelOf(katoCode), nameKk, nameRu, null));
        }
        List<Row> rows = new ArrayList<>(candidates.size());
        for (Row row : candidates) {
            KatoCode parent = row.code().structuralParent().orElse(null);
            while (parent != null && !codes.contains(parent.value())) {
                parent = parent.structuralParent().orElse(null);
            }
            rows.add(new Row(row.line(), row.code(), parent, row.level(), row.nameKk(), row.nameRu(), null));
        }
        return rows;
    }

    /** Maps character offsets of the text to 1-based line numbers (LF, CRLF or CR line ends). */
    private static final class LineIndex {
        private final int[] starts;

        LineIndex(String text) {
            List<Integer> list = new ArrayList<>();
            list.add(0);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                    list.add(i + 1);
                }
            }
            starts = list.stream().mapToInt(Integer::intValue).toArray();
        }

        int lineOf(long offset) {
            int index = java.util.Arrays.binarySearch(starts, (int) offset);
            return index >= 0 ? index + 1 : -index - 1;
        }
    }

    private static String levelOf(KatoCode code) {
        return switch (code.significantPrefix().length()) {
            case 2 -> "region";
            case 4 -> "district";
            case 6 -> "okrug";
            default -> "settlement";
        };
    }

    private static void checkTree(List<Row> rows, List<KatoImportException.Problem> problems) {
        Map<String, Row> byCode = new LinkedHashMap<>();
        for (Row row : rows) {
            Row previous = byCode.putIfAbsent(row.code().value(), row);
            if (previous != null) {
                problems.add(new KatoImportException.Problem(row.line(), "kato.import.duplicate", row.code().value()));
            }
        }
        for (Row row : rows) {
            if (row.parent() == null) {
                continue;
            }
            if (row.parent().equals(row.code())) {
                problems.add(new KatoImportException.Problem(row.line(), "kato.import.own-parent", row.code().value()));
            } else if (!byCode.containsKey(row.parent().value())) {
                problems.add(new KatoImportException.Problem(row.line(), "kato.import.unknown-parent", row.parent().value()));
            } else if (!row.code().isWithin(row.parent())) {
                problems.add(new KatoImportException.Problem(row.line(), "kato.import.parent-outside", row.parent().value()));
            }
        }
    }

    private static KatoCode code(String value, int line, List<KatoImportException.Problem> problems) {
        if (!KatoCode.isWellFormed(value)) {
            problems.add(new KatoImportException.Problem(line, "kato.import.code", abbreviate(value)));
            return null;
        }
        return KatoCode.of(value);
    }

    private static boolean names(String nameKk, String nameRu, int line, List<KatoImportException.Problem> problems) {
        if (nameKk.isEmpty() || nameRu.isEmpty()) {
            problems.add(new KatoImportException.Problem(line, "kato.import.names", ""));
            return false;
        }
        if (nameKk.length() > 300 || nameRu.length() > 300) {
            problems.add(new KatoImportException.Problem(line, "kato.import.name-length", "300"));
            return false;
        }
        return true;
    }

    private static String field(CSVRecord record, Map<String, Integer> header, String name) {
        Integer index = header.get(name);
        if (index == null || index >= record.size()) {
            return "";
        }
        String value = record.get(index);
        return value == null ? "" : value.strip();
    }

    private static String first(String a, String b) {
        return a.isEmpty() ? b : a;
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }
}
