package kz.qatysu.voting.domain;

import java.util.Locale;
import java.util.regex.Pattern;
import kz.qatysu.platform.domain.DomainRuleViolation;

/**
 * The number printed on a paper ballot: 1 to 20 Latin capital letters, digits and dashes, starting with a letter or
 * digit. Spaces around it are dropped and letters upper-cased, so "ab-0012 " and "AB-0012" are the same ballot.
 */
public record PaperSerial(String value) {

    public static final int MAX_LENGTH = 20;
    private static final Pattern FORM = Pattern.compile("[A-Z0-9][A-Z0-9-]{0," + (MAX_LENGTH - 1) + "}");

    public PaperSerial {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new DomainRuleViolation("paper.error.serial");
        }
    }

    /** @throws DomainRuleViolation {@code paper.error.serial} */
    public static PaperSerial parse(String raw) {
        if (raw == null) {
            throw new DomainRuleViolation("paper.error.serial");
        }
        return new PaperSerial(raw.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
