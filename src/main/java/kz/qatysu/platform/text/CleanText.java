package kz.qatysu.platform.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The one cleaning of free text entered by people or received from registries: Unicode NFC, control and format
 * characters (zero-width, bidi overrides such as U+202E, BOM) removed, white space folded. Cleaning is not HTML
 * escaping: markup stays as inert text and is escaped where it is rendered.
 */
public final class CleanText {

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    private static final Pattern INVISIBLE_EXCEPT_NEWLINE = Pattern.compile("[\\p{Cf}\\x00-\\x09\\x0B-\\x1F\\x7F-\\x9F]");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern LINE_BREAKS = Pattern.compile("\\r\\n?|[\\u0085\\u2028\\u2029]");
    private static final Pattern HORIZONTAL_SPACES = Pattern.compile("[\\t\\x0B\\f\\p{Zs}]+");
    private static final Pattern SPACES_AROUND_NEWLINE = Pattern.compile(" *\\n *");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private CleanText() {
    }

    /** One line of text: NFC, invisible characters removed, every run of white space (line breaks too) one space. */
    public static String singleLine(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        s = INVISIBLE.matcher(s).replaceAll("");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /**
     * Paragraphs of text: NFC, line breaks unified to {@code \n}, invisible characters removed, runs of horizontal
     * space folded to one, at most one empty line between paragraphs.
     */
    public static String multiLine(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        s = LINE_BREAKS.matcher(s).replaceAll("\n");
        s = HORIZONTAL_SPACES.matcher(s).replaceAll(" ");
        s = INVISIBLE_EXCEPT_NEWLINE.matcher(s).replaceAll("");
        s = SPACES_AROUND_NEWLINE.matcher(s).replaceAll("\n");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }

    /** Length in Unicode code points, the unit of every length limit. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Cleans required text and checks its length.
     *
     * @param keyPrefix prefix of the message keys: {@code <prefix>-blank} and {@code <prefix>-too-long}
     * @throws TextRefused when the text is missing, blank after cleaning, or longer than {@code maxLength}
     */
    public static String required(String raw, int maxLength, boolean multiLine, String keyPrefix) {
        String cleaned = optional(raw, maxLength, multiLine, keyPrefix);
        if (cleaned == null) {
            throw new TextRefused(keyPrefix + "-blank", maxLength);
        }
        return cleaned;
    }

    /** Like {@link #required} but blank text gives {@code null}. */
    public static String optional(String raw, int maxLength, boolean multiLine, String keyPrefix) {
        if (raw == null) {
            return null;
        }
        // Refuse absurd input before the regular expressions run over it: cleaning can shorten text, not fourfold.
        if (raw.length() > 4L * maxLength + 64) {
            throw new TextRefused(keyPrefix + "-too-long", maxLength);
        }
        String cleaned = multiLine ? multiLine(raw) : singleLine(raw);
        if (cleaned.isEmpty()) {
            return null;
        }
        if (length(cleaned) > maxLength) {
            throw new TextRefused(keyPrefix + "-too-long", maxLength);
        }
        return cleaned;
    }
}
