package kz.qatysu.results.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import kz.qatysu.allocation.domain.ReasonCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ExplanationWordsTest {

    @Test
    void aProjectThatDidNotFitNamesWhatWasLeft() {
        var sentence = ExplanationWords.of("DID_NOT_FIT_REMAINING_BUDGET", 120, 30_000_000, 0,
                Map.of("remainingBudget", "15000000"));

        assertThat(sentence.key()).isEqualTo("results.reason.DID_NOT_FIT_REMAINING_BUDGET");
        assertThat(sentence.arguments()).containsExactly(120L, 30_000_000L, 0, new BigDecimal("15000000"));
    }

    @Test
    void equalSharesGivesThePaymentsInOrderAndFractionsAreRoundedForReading() {
        var sentence = ExplanationWords.of("FUNDED_BY_EQUAL_SHARES", 3, 1_000_000, 2,
                Map.of("supportersPayingLess", "1", "maxPayment", "1000000/3", "supportersPayingMax", "2"));

        assertThat(sentence.arguments()).containsExactly(3L, 1_000_000L, 2, new BigDecimal("333333.33"),
                new BigDecimal("2"), new BigDecimal("1"));
    }

    @Test
    void aMissingFigureFallsBackToTheShortSentence() {
        var sentence = ExplanationWords.of("INSUFFICIENT_SUPPORTER_FUNDS", 7, 500, 0, Map.of("shortfall", "10"));

        assertThat(sentence.key()).isEqualTo("results.reason.INSUFFICIENT_SUPPORTER_FUNDS.short");
        assertThat(sentence.arguments()).containsExactly(7L, 500L, 0);
    }

    @Test
    void oneVoteIsSingularInEnglish() {
        var sentence = ExplanationWords.of("FUNDED_BY_GREEDY", 1, 2_000_000, 1, Map.of("remainingBudgetBefore", "50000000"));
        ResourceBundle bundle = ResourceBundle.getBundle("kz.qatysu.i18n.messages", Locale.ENGLISH);
        String text = new MessageFormat(bundle.getString(sentence.key()), Locale.ENGLISH)
                .format(sentence.arguments().toArray());

        assertThat(text).contains("with 1 vote its turn").contains("50,000,000").contains("2,000,000");
    }

    @Test
    void anUnknownReasonIsRefused() {
        assertThatThrownBy(() -> ExplanationWords.of("BRIBED", 1, 1, 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Every reason has both sentences in every language, and each formats with its arguments. */
    @ParameterizedTest
    @EnumSource(ReasonCode.class)
    void everyReasonReadsInKazakhRussianAndEnglish(ReasonCode reason) {
        Map<String, String> figures = new java.util.HashMap<>();
        ExplanationWords.figureKeys(reason).forEach(k -> figures.put(k, "12345/7"));
        for (String language : new String[]{"kk", "ru", "en"}) {
            Locale locale = Locale.forLanguageTag(language);
            ResourceBundle bundle = ResourceBundle.getBundle("kz.qatysu.i18n.messages", locale);
            for (var sentence : new ExplanationWords.Sentence[]{
                    ExplanationWords.of(reason.name(), 42, 5_000_000, reason.funded() ? 3 : 0, figures),
                    ExplanationWords.of(reason.name(), 42, 5_000_000, reason.funded() ? 3 : 0, Map.of())}) {
                String text = new MessageFormat(bundle.getString(sentence.key()), locale)
                        .format(sentence.arguments().toArray());
                assertThat(text).as(language + " " + sentence.key()).isNotBlank().doesNotContain("{");
                if (!ExplanationWords.figureKeys(reason).isEmpty() && sentence.arguments().size() > 3) {
                    // 12345/7 = 1763.571…: shown as 1763.57 or, where whole tenge are meant, 1764 (any grouping)
                    assertThat(text.replaceAll("[^0-9]", "")).as(language + " " + sentence.key())
                            .containsAnyOf("176357", "1764");
                }
            }
        }
    }
}
