package kz.qatysu.dashboard.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Voters by age band and sex with every cell below k suppressed: rows in band order, a male and a female cell each.
 * Built from counts per age in whole years and sex (what the database aggregates); the bands come from the caller.
 */
public record AgeSexTable(int k, List<Row> rows) {

    /** One band: the male and female cells, each a count of at least k or suppressed. */
    public record Row(String band, KAnonymity.Cell male, KAnonymity.Cell female) {
    }

    /** A count of voters of one age (whole years) and sex ({@code M} or {@code F}). */
    public record AgeCount(int age, String sex, long count) {
    }

    public static AgeSexTable of(List<AgeCount> counts, IntFunction<String> band, KAnonymity k) {
        Map<String, long[]> byBand = new LinkedHashMap<>();
        Map<String, Integer> lowestAge = new LinkedHashMap<>();
        for (AgeCount c : counts) {
            String b = band.apply(c.age());
            long[] cells = byBand.computeIfAbsent(b, x -> new long[2]);
            cells["F".equals(c.sex()) ? 1 : 0] += c.count();
            lowestAge.merge(b, c.age(), Math::min);
        }
        List<Row> rows = new ArrayList<>();
        byBand.keySet().stream().sorted(Comparator.comparing(lowestAge::get)).forEach(b -> {
            long[] cells = byBand.get(b);
            rows.add(new Row(b, k.cell(cells[0]), k.cell(cells[1])));
        });
        return new AgeSexTable(k.k(), List.copyOf(rows));
    }

    /** Whether any cell was suppressed (the page says so next to the table). */
    public boolean anySuppressed() {
        return rows.stream().anyMatch(r -> r.male().suppressed() || r.female().suppressed());
    }
}
