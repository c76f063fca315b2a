package kz.qatysu.territory.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A code of the administrative-territorial classifier (KATO): nine ASCII digits {@code AB CD EF HIJ}; trailing
 * zero groups denote the higher-level unit. Scope checks work on the significant prefix: a unit is inside another
 * when its code starts with the other's significant prefix.
 */
public record KatoCode(String value) implements Comparable<KatoCode> {

    private static final Pattern NINE_ASCII_DIGITS = Pattern.compile("[0-9]{9}");
    /** Ends of the groups AB, CD, EF, HIJ. */
    private static final int[] GROUP_ENDS = {2, 4, 6, 9};

    public KatoCode {
        if (value == null || !NINE_ASCII_DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("A KATO code is nine ASCII digits");
        }
        if (value.startsWith("00")) {
            throw new IllegalArgumentException("A KATO code starts with a non-zero region group");
        }
    }

    public static boolean isWellFormed(String value) {
        return value != null && NINE_ASCII_DIGITS.matcher(value).matches() && !value.startsWith("00");
    }

    public static KatoCode of(String value) {
        return new KatoCode(value);
    }

    /** The code without its trailing all-zero groups: {@code 751410000 -> 751410}, {@code 750000000 -> 75}. */
    public String significantPrefix() {
        int end = GROUP_ENDS[GROUP_ENDS.length - 1];
        for (int g = GROUP_ENDS.length - 1; g > 0; g--) {
            int start = GROUP_ENDS[g - 1];
            if (value.substring(start, GROUP_ENDS[g]).chars().allMatch(c -> c == '0')) {
                end = start;
            } else {
                break;
            }
        }
        return value.substring(0, end);
    }

    /** Whether this unit is {@code other} or lies inside it. */
    public boolean isWithin(KatoCode other) {
        return value.startsWith(other.significantPrefix());
    }

    /**
     * The code of the next higher level by the code structure alone (last significant group zeroed), empty for a
     * region. The classifier does not fill every level, so the real parent is the nearest existing ancestor.
     */
    public Optional<KatoCode> structuralParent() {
        String prefix = significantPrefix();
        if (prefix.length() <= GROUP_ENDS[0]) {
            return Optional.empty();
        }
        int cut = 0;
        for (int end : GROUP_ENDS) {
            if (end < prefix.length()) {
                cut = end;
            }
        }
        return Optional.of(new KatoCode(prefix.substring(0, cut) + "0".repeat(9 - cut)));
    }

    @Override
    public int compareTo(KatoCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
