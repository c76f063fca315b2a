package kz.qatysu.dashboard.domain;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/**
 * Chart.js configurations for PrimeFaces' {@code p:chart} (its {@code value} is the JSON the library hands to
 * Chart.js): a bar or line chart of one series. Built with JSON-P, so labels (territory names) are escaped properly.
 */
public final class ChartJson {

    private ChartJson() {
    }

    /** A series: its legend label, the category labels and one value per label. */
    public record Series(String label, List<String> labels, List<? extends Number> values) {
        public Series {
            if (labels.size() != values.size()) {
                throw new IllegalArgumentException("One value per label");
            }
            labels = List.copyOf(labels);
            values = List.copyOf(values);
        }
    }

    public static String bar(Series series, String color) {
        return chart("bar", series, color, false);
    }

    /** A horizontal bar chart (long territory names stay readable). */
    public static String horizontalBar(Series series, String color) {
        return chart("bar", series, color, true);
    }

    public static String line(Series series, String color) {
        return chart("line", series, color, false);
    }

    private static String chart(String type, Series series, String color, boolean horizontal) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        series.labels().forEach(labels::add);
        JsonArrayBuilder data = Json.createArrayBuilder();
        for (Number v : series.values()) {
            if (v instanceof Double || v instanceof Float) {
                data.add(v.doubleValue());
            } else {
                data.add(v.longValue());
            }
        }
        JsonObjectBuilder dataset = Json.createObjectBuilder().add("label", series.label()).add("data", data)
                .add("backgroundColor", color).add("borderColor", color);
        if ("line".equals(type)) {
            dataset.add("fill", false).add("tension", 0.2);
        }
        JsonObjectBuilder options = Json.createObjectBuilder()
                .add("responsive", true)
                .add("maintainAspectRatio", false)
                .add("animation", false)
                .add("scales", Json.createObjectBuilder()
                        .add(horizontal ? "x" : "y", Json.createObjectBuilder().add("beginAtZero", true)));
        if (horizontal) {
            options.add("indexAxis", "y");
        }
        return Json.createObjectBuilder().add("type", type)
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(dataset)))
                .add("options", options)
                .build().toString();
    }
}
