package kz.qatysu.proposal.application;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.qatysu.platform.text.CleanText;

/**
 * What a visitor typed into the proposal search, made safe for PostgreSQL full-text search.
 *
 * <p>{@link #text()} is the cleaned input for {@code websearch_to_tsquery}, which accepts any text (quoted phrases,
 * {@code -word}, {@code or}). {@link #prefixQuery()} is a {@code to_tsquery} expression in which every word of the
 * input must occur as the start of a word ({@code 'саяб':* & 'жарық':*}): it is built only from runs of letters and
 * digits, each quoted, so no operator of the tsquery syntax can come from the input. Both are bound as parameters,
 * never written into SQL.
 *
 * @param text  the input without control characters, white space folded, at most {@value #MAX_LENGTH} code points
 * @param words the distinct words of the input (letters, combining marks, digits), at most {@value #MAX_WORDS},
 *              each at most {@value #MAX_WORD_LENGTH} code points
 */
public record SearchTerms(String text, List<String> words) implements Serializable {

    public static final int MAX_LENGTH = 200;
    public static final int MAX_WORDS = 8;
    public static final int MAX_WORD_LENGTH = 50;

    private static final SearchTerms NONE = new SearchTerms("", List.of());
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{Nd}]+");
    /** websearch_to_tsquery syntax: a quote, a word excluded with a leading '-', or 'or' between words. */
    private static final Pattern OPERATORS = Pattern.compile("\"|(^|\\s)-[^\\s-]|\\S\\s+(?i:or)\\s+\\S");

    public SearchTerms {
        words = List.copyOf(words);
    }

    /** Nothing to search for. */
    public static SearchTerms none() {
        return NONE;
    }

    /** The terms of any input, however long or strange; {@link #none()} when it holds no word. */
    public static SearchTerms parse(String input) {
        if (input == null) {
            return NONE;
        }
        // Only the start of an absurdly long input is looked at, before any regular expression runs over it.
        String head = input.length() > 4 * MAX_LENGTH ? input.substring(0, 4 * MAX_LENGTH) : input;
        String text = limitAtWord(CleanText.singleLine(head));
        Set<String> words = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find() && words.size() < MAX_WORDS) {
            words.add(limit(m.group(), MAX_WORD_LENGTH));
        }
        return words.isEmpty() ? NONE : new SearchTerms(text, new ArrayList<>(words));
    }

    public boolean isEmpty() {
        return words.isEmpty();
    }

    /** Whether the input uses the websearch syntax; then it is searched as written, without prefix matching. */
    public boolean usesOperators() {
        return OPERATORS.matcher(text).find();
    }

    /**
     * Every word as a prefix, all required: {@code 'word1':* & 'word2':*}; empty when there is no word. The words hold
     * only letters, marks and digits, so quoting them is enough to keep them operands.
     */
    public String prefixQuery() {
        List<String> operands = new ArrayList<>(words.size());
        for (String word : words) {
            operands.add("'" + word + "':*");
        }
        return String.join(" & ", operands);
    }

    /** At most {@value #MAX_LENGTH} code points; a word cut by the limit is left out rather than kept in part. */
    private static String limitAtWord(String s) {
        String cut = limit(s, MAX_LENGTH);
        if (cut.length() < s.length()) {
            int space = cut.lastIndexOf(' ');
            if (space > 0) {
                cut = cut.substring(0, space);
            }
        }
        return cut.strip();
    }

    private static String limit(String s, int codePoints) {
        if (s.codePointCount(0, s.length()) <= codePoints) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, codePoints));
    }
}
