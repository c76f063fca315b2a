package kz.qatysu.citizen.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.qatysu.platform.identity.IdentificationNumbers;

/**
 * Individual identification number of a person (Government Decree No. 406 of 22 May 2007).
 * <p>
 * Twelve ASCII digits: {@code YYMMDD}, century-and-sex digit (1..6), four serial digits and a check digit computed
 * with the two weight rows of the decree. A BIN (organisation number) has the same check digit but its fifth digit
 * is 4..6 and its date part is no birth date; it is refused here as "not an individual". The value is personal
 * data: {@link #toString()} masks it, {@link #value()} is for the identity table only.
 */
public final class Iin {

    private static final Pattern TWELVE_ASCII_DIGITS = Pattern.compile("[0-9]{12}");

    private final String value;
    private final LocalDate birthDate;
    private final Sex sex;

    private Iin(String value, LocalDate birthDate, Sex sex) {
        this.value = value;
        this.birthDate = birthDate;
        this.sex = sex;
    }

    /**
     * Parses and validates an IIN given as exactly twelve ASCII digits.
     *
     * @param raw   the number as received (no separators are stripped here: that is a UI concern)
     * @param today the current date, to refuse birth dates in the future
     * @throws InvalidIin with a reason code when the number is not a valid IIN of a person
     */
    public static Iin parse(String raw, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (raw == null || raw.isEmpty()) {
            throw new InvalidIin(InvalidIin.Reason.MISSING);
        }
        if (!TWELVE_ASCII_DIGITS.matcher(raw).matches()) {
            throw new InvalidIin(InvalidIin.Reason.FORMAT);
        }
        int[] d = new int[12];
        for (int i = 0; i < 12; i++) {
            d[i] = raw.charAt(i) - '0';
        }
        int check = checkDigit(d);
        if (check < 0 || check != d[11]) {
            throw new InvalidIin(InvalidIin.Reason.CHECK_DIGIT);
        }
        int centuryAndSex = d[6];
        if (centuryAndSex < 1 || centuryAndSex > 6) {
            // A valid check digit with a non-personal 7th digit is typically a BIN (organisation number).
            throw new InvalidIin(looksLikeBin(d) ? InvalidIin.Reason.NOT_AN_INDIVIDUAL : InvalidIin.Reason.CENTURY_DIGIT);
        }
        int century = 1800 + 100 * ((centuryAndSex - 1) / 2);
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(century + d[0] * 10 + d[1], d[2] * 10 + d[3], d[4] * 10 + d[5]);
        } catch (DateTimeException e) {
            throw new InvalidIin(looksLikeBin(d) ? InvalidIin.Reason.NOT_AN_INDIVIDUAL : InvalidIin.Reason.BIRTH_DATE);
        }
        if (birthDate.isAfter(today)) {
            throw new InvalidIin(InvalidIin.Reason.BIRTH_DATE);
        }
        Sex sex = centuryAndSex % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return new Iin(raw, birthDate, sex);
    }

    /**
     * The IIN the decree's algorithm gives a person born on {@code birthDate} with the four-digit registration serial
     * {@code serial}, or empty when that prefix can never be issued (no check digit exists for it). For synthetic
     * residents (demo data, tests): real IINs are issued by the population register, not by this platform.
     *
     * @throws IllegalArgumentException for a birth year outside 1800–2099 or a serial outside 0–9999
     */
    public static Optional<Iin> issue(LocalDate birthDate, Sex sex, int serial) {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(sex, "sex");
        int year = birthDate.getYear();
        if (year < 1800 || year > 2099 || serial < 0 || serial > 9999) {
            throw new IllegalArgumentException("no IIN for year " + year + " and serial " + serial);
        }
        int centuryAndSex = 1 + 2 * ((year - 1800) / 100) + (sex == Sex.FEMALE ? 1 : 0);
        String prefix = String.format("%02d%02d%02d%d%04d", year % 100, birthDate.getMonthValue(),
                birthDate.getDayOfMonth(), centuryAndSex, serial);
        int[] d = new int[12];
        for (int i = 0; i < 11; i++) {
            d[i] = prefix.charAt(i) - '0';
        }
        int check = checkDigit(d);
        return check < 0 ? Optional.empty() : Optional.of(new Iin(prefix + check, birthDate, sex));
    }

    /** Whether {@code raw} is a valid IIN of a person on {@code today}; never throws. */
    public static boolean isValid(String raw, LocalDate today) {
        try {
            parse(raw, today);
            return true;
        } catch (InvalidIin e) {
            return false;
        }
    }

    /**
     * The check digit for the first eleven digits, or -1 when the prefix can never be issued (both weight rows
     * give 10).
     */
    static int checkDigit(int[] digits) {
        return IdentificationNumbers.checkDigit(digits);
    }

    /** A BIN carries the registration month in digits 3-4 and the entity type (4, 5 or 6) in digit 5. */
    private static boolean looksLikeBin(int[] d) {
        int month = d[2] * 10 + d[3];
        return month >= 1 && month <= 12 && d[4] >= 4 && d[4] <= 6;
    }

    public String value() {
        return value;
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return sex;
    }

    /** Age in whole years on the given date. */
    public int ageOn(LocalDate date) {
        return java.time.Period.between(birthDate, date).getYears();
    }

    /** The first six digits followed by asterisks, e.g. {@code 800416******}: safe for logs and pages. */
    public String masked() {
        return mask(value);
    }

    /** Masks any string that may be an IIN, keeping at most its first six characters. */
    public static String mask(String raw) {
        if (raw == null) {
            return "null";
        }
        String head = raw.length() > 6 ? raw.substring(0, 6) : "";
        return head + "******";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Iin other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
