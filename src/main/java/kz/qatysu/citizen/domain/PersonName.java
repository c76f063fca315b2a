package kz.qatysu.citizen.domain;

import kz.qatysu.platform.text.CleanText;

/**
 * Surname, given name and optional patronymic as the registry gives them, normalised to NFC with control, format
 * (zero-width, bidi override) characters removed and white space folded.
 */
public record PersonName(String surname, String givenName, String patronymic) {

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
        String s = CleanText.singleLine(raw);
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
