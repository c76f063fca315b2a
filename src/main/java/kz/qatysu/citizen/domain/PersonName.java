package kz.qatysu.citizen.domain;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Surname, given name and optional patronymic as the registry gives them, normalised to NFC with control, format
 * (zero-width, bidi override) characters removed and white space folded.
 */
public record PersonName(String surname, String givenName, String patronymic) {

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    public PersonName {
        surname = clean(surname);
        givenName = clean(givenName);
        patronymic = clean(patronymic);
        if (surname == null || givenName == null) {
            throw new IllegalArgumentException("A person has a surname and a given name");
        }
    }

    private static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFC);
        s = INVISIBLE.matcher(s).replaceAll("");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > Citizen.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("A name has at most " + Citizen.MAX_NAME_LENGTH + " characters");
        }
        return s;
    }

    /** "Surname Given Patronymic", the order used in Kazakhstan's documents. */
    public String fullName() {
        return patronymic == null ? surname + " " + givenName : surname + " " + givenName + " " + patronymic;
    }
}
