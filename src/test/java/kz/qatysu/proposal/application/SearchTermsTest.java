package kz.qatysu.proposal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SearchTermsTest {

    /** What a safe prefix query looks like: quoted runs of letters, marks and digits, each a prefix, joined by AND. */
    private static final Pattern SAFE_PREFIX_QUERY =
            Pattern.compile("'[\\p{L}\\p{M}\\p{Nd}]{1,50}':\\*( & '[\\p{L}\\p{M}\\p{Nd}]{1,50}':\\*)*");

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\t\n", "!!!", "&|!:*()", "'\"'", "-- ; /* */", "\u0000\u202e\u200b", "<>", "\\' \\\\ \\"})
    void inputWithoutAnyWordSearchesForNothing(String input) {
        SearchTerms terms = SearchTerms.parse(input);

        assertThat(terms.isEmpty()).isTrue();
        assertThat(terms.words()).isEmpty();
        assertThat(terms.prefixQuery()).isEmpty();
    }

    @Test
    void aSingleWordBecomesAPrefix() {
        SearchTerms terms = SearchTerms.parse("саяб");

        assertThat(terms.words()).containsExactly("саяб");
        assertThat(terms.prefixQuery()).isEqualTo("'саяб':*");
        assertThat(terms.usesOperators()).isFalse();
    }

    @Test
    void kazakhAndRussianLettersAndDigitsMakeWords() {
        SearchTerms terms = SearchTerms.parse("Әл-Фараби  ҚҰҮІ, ғұмыр; Ёлка №159");

        assertThat(terms.words()).containsExactly("Әл", "Фараби", "ҚҰҮІ", "ғұмыр", "Ёлка", "159");
        assertThat(terms.prefixQuery()).isEqualTo("'Әл':* & 'Фараби':* & 'ҚҰҮІ':* & 'ғұмыр':* & 'Ёлка':* & '159':*");
    }

    @Test
    void decomposedLettersAreComposedSoAWordIsNotSplit() {
        // "й" written as "и" and a combining breve
        SearchTerms terms = SearchTerms.parse("сквер Боза\u0438\u0306гыр");

        assertThat(terms.words()).containsExactly("сквер", "Бозайгыр");
        assertThat(terms.prefixQuery()).isEqualTo("'сквер':* & 'Бозайгыр':*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a'b", "o'clock:*", "x & y | !z", "(park) <-> fountain", "'; drop table proposal; --",
            "word:*A&B", "парк!!!фонтан", "1e5 0x1F 3.14", "<script>alert(1)</script>"})
    void quotesAndTsqueryOperatorsNeverReachThePrefixQuery(String input) {
        SearchTerms terms = SearchTerms.parse(input);

        assertThat(terms.isEmpty()).isFalse();
        assertThat(terms.prefixQuery()).matches(SAFE_PREFIX_QUERY);
        assertThat(terms.words()).allSatisfy(w -> assertThat(w).doesNotContain("'", "&", "|", "!", ":", "*", "(", ")", "<", ">", "\\", ";"));
    }

    @Test
    void aScriptTagIsJustWords() {
        SearchTerms terms = SearchTerms.parse("<script>alert(1)</script>");

        assertThat(terms.words()).containsExactly("script", "alert", "1");
        assertThat(terms.text()).isEqualTo("<script>alert(1)</script>");
    }

    @Test
    void controlAndFormatCharactersAreRemovedAndSpacesFolded() {
        SearchTerms terms = SearchTerms.parse("  парк\u0000\u202e \t\n фонтан\u200b  ");

        assertThat(terms.text()).isEqualTo("парк фонтан");
        assertThat(terms.words()).containsExactly("парк", "фонтан");
    }

    @Test
    void aMegabyteOfInputIsCutToTheLimits() {
        String huge = "жарық ".repeat(200_000);

        long started = System.nanoTime();
        SearchTerms terms = SearchTerms.parse(huge);
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(huge.length()).isGreaterThan(1_000_000);
        assertThat(terms.text().codePointCount(0, terms.text().length())).isLessThanOrEqualTo(SearchTerms.MAX_LENGTH);
        assertThat(terms.words()).containsExactly("жарық");
        assertThat(millis).isLessThan(1_000);
    }

    @Test
    void atMostEightDistinctWordsOfAtMostFiftyCodePoints() {
        String longWord = "ә".repeat(80);
        SearchTerms terms = SearchTerms.parse(longWord + " a b c d e f g h i j a");

        assertThat(terms.words()).hasSize(SearchTerms.MAX_WORDS);
        assertThat(terms.words().get(0)).isEqualTo("ә".repeat(SearchTerms.MAX_WORD_LENGTH));
        assertThat(terms.prefixQuery()).matches(SAFE_PREFIX_QUERY);
    }

    @Test
    void lettersOutsideTheBasicPlaneAreNotCutInHalf() {
        String math = "\uD835\uDC00".repeat(300); // MATHEMATICAL BOLD CAPITAL A, a letter of two UTF-16 units
        SearchTerms terms = SearchTerms.parse(math);

        assertThat(terms.text()).isEqualTo("\uD835\uDC00".repeat(SearchTerms.MAX_LENGTH));
        assertThat(terms.words().get(0)).isEqualTo("\uD835\uDC00".repeat(SearchTerms.MAX_WORD_LENGTH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"детская площадка\"", "парк -фонтан", "парк or сквер", "парк OR сквер"})
    void websearchSyntaxIsRecognised(String input) {
        assertThat(SearchTerms.parse(input).usesOperators()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Әл-Фараби", "or", "парк or", "парк орман", "a-b-c", "-"})
    void plainWordsAreNotOperators(String input) {
        assertThat(SearchTerms.parse(input).usesOperators()).isFalse();
    }
}
