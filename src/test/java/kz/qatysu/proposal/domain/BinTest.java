package kz.qatysu.proposal.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kz.qatysu.platform.identity.IdentificationNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinTest {

    @ParameterizedTest
    @ValueSource(strings = {"940140000385", "081140000436"})
    void acceptsPublishedBinsOfOrganisations(String raw) {
        assertThat(Bin.parse(raw).value()).isEqualTo(raw);
        assertThat(Bin.isValid(raw)).isTrue();
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertThatThrownBy(() -> Bin.parse("940140000386")).hasMessage("proposal.error.bin-invalid");
        assertThat(Bin.isValid("081140000437")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9401300003", "9401700003", "9401000003", "8004161002"})
    void refusesAnEntityTypeOutsideFourToSixEvenWithAMatchingCheckDigit(String tenDigits) {
        String raw = firstValid(tenDigits);

        assertThatThrownBy(() -> Bin.parse(raw)).hasMessage("proposal.error.bin-invalid");
    }

    @Test
    void refusesARegistrationMonthOutsideOneToTwelveEvenWithAMatchingCheckDigit() {
        assertThat(Bin.isValid(firstValid("9413400003"))).isFalse();
        assertThat(Bin.isValid(firstValid("9400400003"))).isFalse();
        assertThat(Bin.isValid(firstValid("9412400003"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "94014000038", "9401400003850", "940140 000385", "９４０１４００００３８５", "94014000038a"})
    void refusesAnythingButTwelveAsciiDigits(String raw) {
        assertThatThrownBy(() -> Bin.parse(raw)).hasMessage("proposal.error.bin-format");
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> Bin.parse(null)).hasMessage("proposal.error.bin-format");
    }

    /** The first eleven-digit extension of {@code tenDigits} with a defined check digit, completed with it. */
    private static String firstValid(String tenDigits) {
        for (int d = 0; d <= 9; d++) {
            String full = withCheckDigit(tenDigits + d);
            if (full != null) {
                return full;
            }
        }
        throw new IllegalStateException("no issuable extension of " + tenDigits);
    }

    /** Eleven digits completed with their check digit, or {@code null} when the prefix is never issued. */
    static String withCheckDigit(String elevenDigits) {
        int[] d = new int[12];
        for (int i = 0; i < 11; i++) {
            d[i] = elevenDigits.charAt(i) - '0';
        }
        int check = IdentificationNumbers.checkDigit(d);
        return check < 0 ? null : elevenDigits + check;
    }
}
