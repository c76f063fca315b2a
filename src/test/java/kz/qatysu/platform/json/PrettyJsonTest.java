package kz.qatysu.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrettyJsonTest {

    @Test
    void indentsObjectsAndKeepsTheirContent() {
        assertThat(PrettyJson.of("{\"phase\":\"VOTING\",\"budget\":{\"total\":5}}"))
                .isEqualTo("{\n    \"phase\": \"VOTING\",\n    \"budget\": {\n        \"total\": 5\n    }\n}");
    }

    @Test
    void returnsTextThatIsNotJsonAsItIs() {
        assertThat(PrettyJson.of("<svg onload=alert(1)>")).isEqualTo("<svg onload=alert(1)>");
        assertThat(PrettyJson.of(null)).isNull();
    }
}
