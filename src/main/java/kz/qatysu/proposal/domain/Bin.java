package kz.qatysu.proposal.domain;

import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.identity.IdentificationNumbers;

/**
 * Business identification number of an organisation: twelve ASCII digits, {@code YYMM} of registration, the entity
 * type (4 resident legal entity, 5 non-resident, 6 joint venture / branch) in the fifth digit, and the check digit of
 * the IIN algorithm.
 */
public record Bin(String value) {

    public Bin {
        int[] d = IdentificationNumbers.digits(value);
        if (d == null) {
            throw new DomainRuleViolation("proposal.error.bin-format");
        }
        int month = d[2] * 10 + d[3];
        if (month < 1 || month > 12 || d[4] < 4 || d[4] > 6 || !IdentificationNumbers.hasValidCheckDigit(d)) {
            throw new DomainRuleViolation("proposal.error.bin-invalid");
        }
    }

    public static Bin parse(String raw) {
        return new Bin(raw);
    }

    /** Whether {@code raw} is a valid BIN; never throws. */
    public static boolean isValid(String raw) {
        try {
            new Bin(raw);
            return true;
        } catch (DomainRuleViolation e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
