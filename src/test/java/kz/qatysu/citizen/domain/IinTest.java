package kz.qatysu.citizen.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IinTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @ParameterizedTest(name = "{0} is a valid IIN born {1}, sex {2}")
    @CsvSource({
            "800101100013, 1880-01-01, MALE",
            "750505200024, 1875-05-05, FEMALE",
            "800416100254, 1880-04-16, MALE",
            "680503250034, 1868-05-03, FEMALE"})
    void acceptsTheValidSamplesOfTheIdentityReference(String raw, LocalDate birthDate, Sex sex) {
        Iin iin = Iin.parse(raw, TODAY);

        assertThat(iin.value()).isEqualTo(raw);
        assertThat(iin.birthDate()).isEqualTo(birthDate);
        assertThat(iin.sex()).isEqualTo(sex);
    }

    @Test
    void refusesAWrongCheckDigitWithoutSayingWhichDigit() {
        assertThatThrownBy(() -> Iin.parse("800416100255", TODAY))
                .isInstanceOf(InvalidIin.class)
                .hasMessageNotContaining("800416100255")
                .extracting(e -> ((InvalidIin) e).reason()).isEqualTo(InvalidIin.Reason.CHECK_DIGIT);
    }

    @Test
    void refusesTheThirtiethOfFebruary() {
        // 800230100250: date part 80-02-30 does not exist (its check digit is what the algorithm gives or not;
        // either way the number is refused).
        assertThat(Iin.isValid("800230100250", TODAY)).isFalse();
    }

    @Test
    void refusesAnImpossibleDateEvenWithAMatchingCheckDigit() {
        String prefix = "8002301002";
        String withCheck = withValidCheckDigit(prefix + "5");
        assertThatThrownBy(() -> Iin.parse(withCheck, TODAY))
                .isInstanceOf(InvalidIin.class)
                .extracting(e -> ((InvalidIin) e).reason()).isEqualTo(InvalidIin.Reason.BIRTH_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"800416000254", "800416700254", "800416800254", "800416900254"})
    void refusesCenturyDigitsOutsideOneToSix(String raw) {
        assertThat(Iin.isValid(raw, TODAY)).isFalse();
    }

    @Test
    void refusesCenturyDigitZeroEvenWithAMatchingCheckDigit() {
        String raw = withValidCheckDigit("80041600025");
        assertThatThrownBy(() -> Iin.parse(raw, TODAY))
                .isInstanceOf(InvalidIin.class)
                .extracting(e -> ((InvalidIin) e).reason()).isEqualTo(InvalidIin.Reason.CENTURY_DIGIT);
    }

    @Test
    void refusesTheIinOfTheNationalCasTestCertificates() {
        assertThat(Iin.isValid("123456789011", TODAY)).isFalse();
    }

    @Test
    void refusesABinOfALegalEntity() {
        assertThatThrownBy(() -> Iin.parse("940140000385", TODAY))
                .isInstanceOf(InvalidIin.class)
                .extracting(e -> ((InvalidIin) e).reason())
                .isIn(InvalidIin.Reason.NOT_AN_INDIVIDUAL, InvalidIin.Reason.CHECK_DIGIT);
    }

    @Test
    void tellsABinWithAValidCheckDigitApartAsNotAnIndividual() {
        // Entity type 4 in the 5th digit, 7th digit 0: a BIN shape with a correct check digit.
        String bin = withValidCheckDigit("94014000038");
        assertThatThrownBy(() -> Iin.parse(bin, TODAY))
                .isInstanceOf(InvalidIin.class)
                .extracting(e -> ((InvalidIin) e).reason()).isEqualTo(InvalidIin.Reason.NOT_AN_INDIVIDUAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "８００４１６１００２５４",          // full-width digits
            "٨٠٠٤١٦١٠٠٢٥٤",                    // Arabic-Indic digits
            "800 416 100 254", "800416-100254", " 800416100254", "800416100254 ",
            "80041610025", "8004161002540", "80041610025a", ""})
    void refusesAnythingButTwelveAsciiDigits(String raw) {
        assertThatThrownBy(() -> Iin.parse(raw, TODAY))
                .isInstanceOf(InvalidIin.class)
                .extracting(e -> ((InvalidIin) e).reason())
                .isIn(InvalidIin.Reason.FORMAT, InvalidIin.Reason.MISSING);
    }

    @Test
    void refusesANullIinAsMissing() {
        assertThatThrownBy(() -> Iin.parse(null, TODAY))
                .extracting(e -> ((InvalidIin) e).reason()).isEqualTo(InvalidIin.Reason.MISSING);
    }

    @Test
    void refusesPrefixesThatCanNeverBeIssued() {
        // Search the prefixes of one birth date for one whose both weight rows give 10.
        int found = 0;
        for (int serial = 0; serial < 10_000 && found < 3; serial++) {
            String prefix = "900101" + "3" + String.format("%04d", serial);
            int[] d = prefix.chars().map(c -> c - '0').toArray();
            if (Iin.checkDigit(java.util.Arrays.copyOf(d, 12)) < 0) {
                found++;
                for (int last = 0; last <= 9; last++) {
                    assertThat(Iin.isValid(prefix + last, TODAY)).as(prefix + last).isFalse();
                }
            }
        }
        assertThat(found).as("never-issued prefixes exist").isPositive();
    }

    @Test
    void refusesABirthDateInTheFuture() {
        String future = withValidCheckDigit("2701015" + "0001");
        assertThatThrownBy(() -> Iin.parse(future, TODAY))
                .extracting(e -> ((InvalidIin) e).reason()).isEqualTo(InvalidIin.Reason.BIRTH_DATE);
    }

    @Test
    void acceptsTheTwentyNinthOfFebruaryOfALeapYearOnly() {
        assertThat(Iin.isValid(withValidCheckDigit("0002295" + "0001"), TODAY)).isTrue();   // 2000 is leap
        assertThat(Iin.isValid(withValidCheckDigit("0002293" + "0001"), TODAY)).isFalse();  // 1900 is not
    }

    @Test
    void computesAgeInWholeYears() {
        Iin iin = Iin.parse("800416100254", TODAY);

        assertThat(iin.ageOn(LocalDate.of(2026, 4, 15))).isEqualTo(145);
        assertThat(iin.ageOn(LocalDate.of(2026, 4, 16))).isEqualTo(146);
    }

    @Test
    void masksItselfInTextKeepingOnlyTheBirthDate() {
        Iin iin = Iin.parse("800416100254", TODAY);

        assertThat(iin.masked()).isEqualTo("800416******");
        assertThat(iin.toString()).isEqualTo("800416******").doesNotContain("100254");
    }

    /** Appends the check digit the algorithm gives (for prefixes where it is defined). */
    private static String withValidCheckDigit(String elevenDigits) {
        int[] d = new int[12];
        for (int i = 0; i < 11; i++) {
            d[i] = elevenDigits.charAt(i) - '0';
        }
        int check = Iin.checkDigit(d);
        if (check < 0) {
            throw new IllegalArgumentException("prefix never issued: " + elevenDigits);
        }
        return elevenDigits + check;
    }

    @Test
    void issuesTheNumberTheRegisterWouldGiveWhichParsesBackToTheSamePerson() {
        assertThat(Iin.issue(LocalDate.of(1880, 4, 16), Sex.MALE, 25)).map(Iin::value).contains("800416100254");
        int issued = 0;
        for (int serial = 0; serial < 200; serial++) {
            for (Sex sex : Sex.values()) {
                LocalDate born = LocalDate.of(1950 + serial % 60, 1 + serial % 12, 1 + serial % 28);
                var iin = Iin.issue(born, sex, serial);
                if (iin.isPresent()) {
                    issued++;
                    Iin parsed = Iin.parse(iin.get().value(), TODAY);
                    assertThat(parsed.birthDate()).isEqualTo(born);
                    assertThat(parsed.sex()).isEqualTo(sex);
                }
            }
        }
        // About one prefix in eleven has no check digit.
        assertThat(issued).isBetween(330, 400);
        assertThat(Iin.issue(LocalDate.of(2001, 2, 3), Sex.FEMALE, 7).map(Iin::value).map(v -> v.charAt(6)))
                .isIn(java.util.Optional.empty(), java.util.Optional.of('6'));
        assertThatThrownBy(() -> Iin.issue(LocalDate.of(2026, 1, 1), Sex.MALE, 10_000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
