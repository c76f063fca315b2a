package kz.qatysu.allocation.pabulib;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into CSV records with {@code ;} as separator: fields may be quoted with {@code "}, a quote inside a
 * quoted field is doubled, quoted fields may span lines; CR, LF and CRLF all end a record. Fields are trimmed.
 */
final class CsvRecords {

    /** One record and the line it starts on. */
    record Row(int line, List<String> fields) {
        boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    private final String text;
    private int position;
    private int line = 1;

    CsvRecords(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** The next record, or null at the end of the text. */
    Row next() throws PabulibFormatException {
        if (position >= text.length()) {
            return null;
        }
        int startLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        while (position < text.length()) {
            char c = text.charAt(position++);
            if (quoted) {
                if (c == '"') {
                    if (position < text.length() && text.charAt(position) == '"') {
                        field.append('"');
                        position++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
                field.setLength(0);
            } else if (c == ';') {
                fields.add(field.toString().trim());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                    position++;
                }
                line++;
                fields.add(field.toString().trim());
                return new Row(startLine, fields);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new PabulibFormatException(startLine, "a quoted field is not closed");
        }
        fields.add(field.toString().trim());
        return new Row(startLine, fields);
    }
}
