package kz.qatysu.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AllocationNoticeJsonTest {

    @Test
    void aNoticeSurvivesTheRoundTrip() {
        AllocationNotice notice = Notices.notice(12, 3);

        assertThat(AllocationNoticeJson.fromJson(AllocationNoticeJson.toJson(notice))).isEqualTo(notice);
    }

    @Test
    void writesCanonicalJsonWithSortedMembersMoneyAsDecimalStringsAndNoWhiteSpace() {
        String json = new String(AllocationNoticeJson.toJson(Notices.notice(12, 3)), StandardCharsets.UTF_8);

        assertThat(json).startsWith("{\"budget\":\"50000000.00\",\"closedAt\":\"2026-05-04T10:15:30Z\","
                + "\"currency\":\"KZT\",\"manifestHash\":\"" + "a".repeat(64) + "\",");
        assertThat(json).contains("{\"amount\":\"30000000.50\",\"budgetClassification\":\"451001\",\"funded\":true,"
                + "\"proposalId\":101,\"territoryKato\":\"751410000\",\"title\":\"Саябақ «Жас Қанат»\",\"votes\":1204}");
        assertThat(json).contains("\"title\":\"Workout \\\"Sport\\\" area\"").doesNotContain(" \"", "\n");
    }

    @Test
    void theSameNoticeGivesTheSameBytes() {
        assertThat(AllocationNoticeJson.toJson(Notices.notice(12, 3)))
                .isEqualTo(AllocationNoticeJson.toJson(Notices.notice(12, 3)));
    }

    @Test
    void aMissingMemberIsNamed() {
        String json = json().replace("\"currency\":\"KZT\",", "");

        assertThatThrownBy(() -> read(json)).isInstanceOf(MalformedMessage.class)
                .hasMessage("notice.currency: missing");
    }

    @Test
    void aMemberOfTheWrongTypeIsNamedWithItsPath() {
        String json = json().replace("\"votes\":987", "\"votes\":\"987\"");

        assertThatThrownBy(() -> read(json)).isInstanceOf(MalformedMessage.class)
                .hasMessage("notice.projects[1].votes: expected NUMBER, got STRING");
    }

    @Test
    void moneyAsAJsonNumberIsRefused() {
        String json = json().replace("\"budget\":\"50000000.00\"", "\"budget\":50000000.00");

        assertThatThrownBy(() -> read(json)).isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("notice.budget: expected STRING");
    }

    @Test
    void aBrokenRuleIsReportedAsAMalformedMessage() {
        String json = json().replace("\"territoryKato\":\"751410000\",\"territoryName\"",
                "\"territoryKato\":\"7514\",\"territoryName\"");

        assertThatThrownBy(() -> read(json)).isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("notice: territoryKato must be a KATO code");
    }

    @Test
    void unknownAndDuplicateMembersAreRefused() {
        assertThatThrownBy(() -> read(json().replace("{\"budget\"", "{\"extra\":1,\"budget\"")))
                .isInstanceOf(MalformedMessage.class).hasMessage("notice.extra: unknown member");
        assertThatThrownBy(() -> read(json().replace("{\"budget\"", "{\"version\":9,\"budget\"")))
                .isInstanceOf(MalformedMessage.class).hasMessageContaining("not valid JSON");
    }

    @Test
    void textThatIsNotAJsonObjectIsRefused() {
        assertThatThrownBy(() -> read("[1,2]")).isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("expected a JSON object");
        assertThatThrownBy(() -> read("{\"budget\":")).isInstanceOf(MalformedMessage.class)
                .hasMessageContaining("not valid JSON");
    }

    private static String json() {
        return new String(AllocationNoticeJson.toJson(Notices.notice(12, 3)), StandardCharsets.UTF_8);
    }

    private static AllocationNotice read(String json) {
        return AllocationNoticeJson.fromJson(json.getBytes(StandardCharsets.UTF_8));
    }
}
