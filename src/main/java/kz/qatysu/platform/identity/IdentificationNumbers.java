package kz.qatysu.platform.identity;

/**
 * The check digit shared by the IIN of a person and the BIN of an organisation (Government Decree No. 406 of 22 May
 * 2007): weights 1..11 modulo 11; a remainder of 10 retries with weights 3..11, 1, 2; a second 10 means the prefix is
 * never issued.
 */
public final class IdentificationNumbers {

    private static final int[] WEIGHTS_FIRST = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] WEIGHTS_SECOND = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    private IdentificationNumbers() {
    }

    /**
     * The check digit for the first eleven digits, or -1 when the prefix can never be issued (both weight rows
     * give 10).
     */
    public static int checkDigit(int[] digits) {
        int r = weightedSum(digits, WEIGHTS_FIRST) % 11;
        if (r == 10) {
            r = weightedSum(digits, WEIGHTS_SECOND) % 11;
            if (r == 10) {
                return -1;
            }
        }
        return r;
    }

    /** The digits of twelve ASCII digits, or {@code null} for anything else. */
    public static int[] digits(String raw) {
        if (raw == null || raw.length() != 12) {
            return null;
        }
        int[] d = new int[12];
        for (int i = 0; i < 12; i++) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
            d[i] = c - '0';
        }
        return d;
    }

    /** Whether the last of twelve digits is the check digit of the first eleven. */
    public static boolean hasValidCheckDigit(int[] digits) {
        int check = checkDigit(digits);
        return check >= 0 && check == digits[11];
    }

    private static int weightedSum(int[] digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += digits[i] * weights[i];
        }
        return sum;
    }
}
