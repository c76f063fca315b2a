package kz.qatysu.proposal.attachment.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name an attachment is shown and downloaded under: only a display name, never a path on the server (files are
 * stored under generated keys). A name that tries to be a path or hides its real form (directories, a drive, NUL and
 * other control characters, bidi overrides such as U+202E that turn {@code gpj.exe} into {@code exe.jpg}) is refused;
 * harmless oddities are cleaned: NFC, zero-width characters removed, white space folded, characters that Windows does
 * not allow in names replaced, length limited. The extension is always the detected type's.
 */
public final class AttachmentName {

    /** Code points, extension included; the column is {@code varchar(200)}. */
    public static final int MAX_LENGTH = 200;
    public static final String FALLBACK = "attachment";

    /** Longer raw names are refused before any cleaning runs over them. */
    private static final int MAX_RAW_LENGTH = 1024;

    private static final Pattern PATH = Pattern.compile("[/\\\\]|^[A-Za-z]:");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");
    private static final Pattern BIDI = Pattern.compile("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern NOT_IN_WINDOWS_NAMES = Pattern.compile("[<>:\"|?*]");
    private static final Pattern EXTENSION = Pattern.compile("\\.[\\p{L}\\p{N}]{1,10}$");
    private static final Pattern EDGES = Pattern.compile("^[.\\s]+|[.\\s]+$");
    private static final Pattern WINDOWS_DEVICE = Pattern.compile("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])");

    private AttachmentName() {
    }

    /**
     * The display name for a file of the detected type, e.g. {@code "Смета 2027.pdf"}.
     *
     * @param submitted the name the browser sent; {@code null} or blank gives {@value #FALLBACK}
     * @throws AttachmentRefused {@code proposal.error.attachment-name} for paths, control or bidi characters
     */
    public static String display(String submitted, AttachmentType type) {
        String ext = "." + type.extension();
        String base = base(submitted);
        int room = MAX_LENGTH - ext.length();
        if (base.codePointCount(0, base.length()) > room) {
            base = EDGES.matcher(base.substring(0, base.offsetByCodePoints(0, room))).replaceAll("");
        }
        if (base.isEmpty()) {
            base = FALLBACK;
        }
        return base + ext;
    }

    /**
     * Refuses a name that {@link #display} would refuse, before any byte of the file is read.
     *
     * @throws AttachmentRefused {@code proposal.error.attachment-name}
     */
    public static void check(String submitted) {
        base(submitted);
    }

    /** The cleaned name without its extension; refuses what {@link #display} refuses. */
    static String base(String submitted) {
        if (submitted == null) {
            return FALLBACK;
        }
        if (submitted.length() > MAX_RAW_LENGTH || PATH.matcher(submitted).find()
                || CONTROL.matcher(submitted).find() || BIDI.matcher(submitted).find()) {
            throw new AttachmentRefused(AttachmentRefused.NAME);
        }
        String s = Normalizer.normalize(submitted, Normalizer.Form.NFC);
        s = INVISIBLE.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        s = NOT_IN_WINDOWS_NAMES.matcher(s).replaceAll("_");
        s = EXTENSION.matcher(s).replaceFirst("");
        s = EDGES.matcher(s).replaceAll("");
        if (s.isEmpty()) {
            return FALLBACK;
        }
        if (WINDOWS_DEVICE.matcher(s).matches()) {
            s = "_" + s.toLowerCase(Locale.ROOT);
        }
        return s;
    }
}
