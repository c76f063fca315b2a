package kz.qatysu.platform.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CleanTextTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "<svg onload=alert(1)>",
            "<img src=x onerror=alert(document.cookie)>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "\"><script>alert('x')</script>",
            "{{constructor.constructor('alert(1)')()}}"})
    void keepsMarkupAsInertTextWithoutEscapingIt(String payload) {
        assertThat(CleanText.singleLine(payload)).isEqualTo(payload);
        assertThat(CleanText.required(payload, 200, false, "k")).isEqualTo(payload);
    }

    @Test
    void removesRightToLeftOverrideAndZeroWidthCharacters() {
        String raw = "Сквер\u200B на\u200D \u202Eулице\u202C Абая\uFEFF\u2066";

        assertThat(CleanText.singleLine(raw)).isEqualTo("Сквер на улице Абая");
    }

    @Test
    void normalisesToNfc() {
        assertThat(CleanText.singleLine("cafe\u0301")).isEqualTo("caf\u00E9");
        assertThat(CleanText.singleLine("И\u0306гілік")).isEqualTo("\u0419гілік");
    }

    @Test
    void foldsWhiteSpaceOnOneLine() {
        assertThat(CleanText.singleLine("  Жаңа \t\n  алаң\u00A0\u2003 ")).isEqualTo("Жаңа алаң");
    }

    @Test
    void keepsParagraphsInMultiLineTextButFoldsTheRest() {
        String raw = "Бірінші  абзац\r\nжалғасы\r\n\r\n\r\n\r\nЕкінші\u200B абзац \u202E\n\u0007";

        assertThat(CleanText.multiLine(raw)).isEqualTo("Бірінші абзац\nжалғасы\n\nЕкінші абзац");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n\r ", "\u200B\u200C\u200D\uFEFF", "\u202E \u202C", "\u3000\u00A0"})
    void refusesTextThatIsBlankOnceCleaned(String raw) {
        assertThatThrownBy(() -> CleanText.required(raw, 200, false, "proposal.error.title"))
                .isInstanceOf(TextRefused.class)
                .hasMessage("proposal.error.title-blank");
        assertThatThrownBy(() -> CleanText.required(raw, 200, true, "proposal.error.title"))
                .isInstanceOf(TextRefused.class);
    }

    @Test
    void refusesAMegabyteTitleBeforeCleaningIt() {
        String megabyte = "А".repeat(1 << 20);

        assertThatThrownBy(() -> CleanText.required(megabyte, 200, false, "proposal.error.title"))
                .isInstanceOf(TextRefused.class)
                .hasMessage("proposal.error.title-too-long")
                .extracting(e -> ((TextRefused) e).arguments()[0]).isEqualTo(200);
    }

    @Test
    void countsLengthInCodePointsAfterCleaning() {
        String emoji = "\uD83C\uDF33".repeat(200); // 200 trees, 400 UTF-16 units
        assertThat(CleanText.required(emoji, 200, false, "k")).hasSize(400);
        assertThat(CleanText.required("а" + "\u200B".repeat(300), 100, false, "k")).isEqualTo("а");
        assertThatThrownBy(() -> CleanText.required("аб", 1, false, "k")).hasMessage("k-too-long");
    }

    @Test
    void givesNullForOptionalBlankText() {
        assertThat(CleanText.optional(null, 10, false, "k")).isNull();
        assertThat(CleanText.optional(" \u200B ", 10, false, "k")).isNull();
    }
}
