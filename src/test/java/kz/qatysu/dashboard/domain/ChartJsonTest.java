package kz.qatysu.dashboard.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartJsonTest {

    private static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void aHorizontalBarChartCarriesLabelsAndValuesEscaped() {
        JsonObject chart = read(ChartJson.horizontalBar(new ChartJson.Series("Voters",
                List.of("Almaty \"city\"", "Astana"), List.of(12L, 3L)), "#123456"));

        assertThat(chart.getString("type")).isEqualTo("bar");
        assertThat(chart.getJsonObject("options").getString("indexAxis")).isEqualTo("y");
        assertThat(chart.getJsonObject("data").getJsonArray("labels").getString(0)).isEqualTo("Almaty \"city\"");
        var dataset = chart.getJsonObject("data").getJsonArray("datasets").getJsonObject(0);
        assertThat(dataset.getString("label")).isEqualTo("Voters");
        assertThat(dataset.getJsonArray("data").getJsonNumber(0).longValue()).isEqualTo(12L);
    }

    @Test
    void aLineChartOfDays() {
        JsonObject chart = read(ChartJson.line(new ChartJson.Series("Ballots", List.of("2026-11-01"), List.of(5L)),
                "#000"));
        assertThat(chart.getString("type")).isEqualTo("line");
        assertThat(chart.getJsonObject("options").containsKey("indexAxis")).isFalse();
    }

    @Test
    void refusesASeriesWithoutOneValuePerLabel() {
        assertThatThrownBy(() -> new ChartJson.Series("x", List.of("a"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
