package kz.qatysu.registry.domain;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import kz.qatysu.territory.domain.KatoCode;

/** The field rules of registry messages, shared by the notice records. */
final class NoticeFields {

    /** Money has at most two decimals (tiyn) and is kept with exactly two. */
    static final int MONEY_SCALE = 2;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,10})?");

    private NoticeFields() {
    }

    /** Non-blank text that XML 1.0 can carry: no control characters other than tab and line breaks. */
    static String text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) {
                throw new IllegalArgumentException(name + " contains a control character at " + i);
            }
            if (Character.isHighSurrogate(c) && (i + 1 == value.length()
                    || !Character.isLowSurrogate(value.charAt(++i)))) {
                throw new IllegalArgumentException(name + " contains a broken surrogate pair at " + i);
            }
            if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException(name + " contains a broken surrogate pair at " + i);
            }
        }
        return value;
    }

    static String kato(String value, String name) {
        if (!KatoCode.isWellFormed(value)) {
            throw new IllegalArgumentException(name + " must be a KATO code of nine digits, not '" + value + "'");
        }
        return value;
    }

    static String sha256Hex(String value, String name) {
        if (value == null || !SHA256_HEX.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " must be 64 lower-case hex digits (SHA-256)");
        }
        return value;
    }

    /** A non-negative amount of at most two decimals, returned with exactly two. */
    static BigDecimal money(BigDecimal value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value.toPlainString());
        }
        if (value.stripTrailingZeros().scale() > MONEY_SCALE) {
            throw new IllegalArgumentException(name + " has more than two decimals: " + value.toPlainString());
        }
        return value.setScale(MONEY_SCALE);
    }

    /** Money as written in messages, a plain decimal such as {@code 1500.00}; {@code where} names it in errors. */
    static BigDecimal parseMoney(String text, String where) {
        if (!DECIMAL.matcher(text).matches()) {
            throw new MalformedMessage(where + ": expected a decimal such as \"1500.00\", got \"" + text + "\"");
        }
        return new BigDecimal(text);
    }
}
