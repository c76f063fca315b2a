package kz.qatysu.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrettyJsonTest {

    @Test
    void indentsOneMemberPerLineAndKeepsOrderNumbersAndText() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("budget", Map.of("total", 300_000_000L));
        manifest.put("categories", List.of(Map.of("code", "parks")));
        manifest.put("territory", "751410000");
        manifest.put("title", "Бостандық <b>");
        String canonical = CanonicalJson.write(manifest);

        String pretty = PrettyJson.format(canonical);

        assertThat(pretty.lines().count()).isGreaterThan(5);
        assertThat(pretty).contains("\"total\": 300000000").contains("\"title\": \"Бостандық <b>\"");
        assertThat(pretty.indexOf("\"budget\"")).isLessThan(pretty.indexOf("\"categories\""));
        assertThat(pretty.replaceAll("\\s+(?=([^\"]*\"[^\"]*\")*[^\"]*$)", "")).isEqualTo(canonical);
    }
}
