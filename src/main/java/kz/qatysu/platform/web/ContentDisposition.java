package kz.qatysu.platform.web;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with a file name in both forms of RFC 6266: {@code filename*} in UTF-8
 * percent-encoding (RFC 8187, formerly 5987) for current browsers, and a plain-ASCII {@code filename} for the rest.
 * Whatever the name holds, the header stays one well-formed line: quotes, backslashes, control characters and
 * non-ASCII never appear unencoded.
 */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    public static String attachment(String fileName) {
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encode(fileName);
    }

    /** RFC 8187 {@code attr-char}s as they are, every other UTF-8 byte as {@code %XX}. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAttrChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String asciiFallback(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? (char) c : '_'));
        return out.toString();
    }

    private static boolean isAttrChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
