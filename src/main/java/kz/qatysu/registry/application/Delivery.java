package kz.qatysu.registry.application;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The outcome of one delivery attempt: the result, the HTTP status (0 when there was none: file drop, no answer),
 * the SHA-256 (hex) of the registry's response body when there was one, and a short text for the admin pages. The
 * detail is kept to {@value #MAX_DETAIL} characters on one line.
 */
public record Delivery(DeliveryResult result, int status, String responseDigest, String detail) {

    public static final int MAX_DETAIL = 500;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public Delivery {
        Objects.requireNonNull(result, "result");
        if (status != 0 && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("Not an HTTP status: " + status);
        }
        if (responseDigest != null && !SHA256_HEX.matcher(responseDigest).matches()) {
            throw new IllegalArgumentException("The response digest is 64 lower-case hex digits");
        }
        detail = oneLine(Objects.requireNonNullElse(detail, ""));
    }

    public static Delivery delivered(int status, String responseDigest, String detail) {
        return new Delivery(DeliveryResult.DELIVERED, status, responseDigest, detail);
    }

    public static Delivery retry(int status, String responseDigest, String detail) {
        return new Delivery(DeliveryResult.RETRY, status, responseDigest, detail);
    }

    public static Delivery rejected(int status, String responseDigest, String detail) {
        return new Delivery(DeliveryResult.REJECTED, status, responseDigest, detail);
    }

    /** Control characters and runs of white space become one space; the text is cut to {@value #MAX_DETAIL}. */
    static String oneLine(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_DETAIL));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < MAX_DETAIL; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (out.length() >= MAX_DETAIL) {
            out.setLength(MAX_DETAIL - 1);
            if (Character.isHighSurrogate(out.charAt(out.length() - 1))) {
                out.setLength(out.length() - 1);
            }
            out.append('…');
        }
        return out.toString();
    }
}
