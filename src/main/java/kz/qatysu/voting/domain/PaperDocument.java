package kz.qatysu.voting.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import kz.qatysu.citizen.domain.PersonName;
import kz.qatysu.territory.domain.KatoCode;

/**
 * The voter's data as a staff member types it from the identity document and the address registration: name and
 * residence. Two entries of a paper ballot must type the same; they are compared through {@link #digest()}, so the
 * entries table holds no names.
 */
public record PaperDocument(PersonName name, KatoCode residence) {

    public PaperDocument {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(residence, "residence");
    }

    /** SHA-256 over the normalised name (letter case ignored) and the residence code. */
    public String digest() {
        String text = String.join("\n", fold(name.surname()), fold(name.givenName()), fold(name.patronymic()),
                residence.value());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    /**
     * Whether the typed name is the name of the person the registry knows under the IIN (letter case ignored; the
     * patronymic only when both have one): a typing error in the IIN that hits another real person is caught here.
     */
    public boolean namesSamePersonAs(PersonName registered) {
        return fold(name.surname()).equals(fold(registered.surname()))
                && fold(name.givenName()).equals(fold(registered.givenName()))
                && (name.patronymic() == null || registered.patronymic() == null
                    || fold(name.patronymic()).equals(fold(registered.patronymic())));
    }

    private static String fold(String part) {
        return part == null ? "" : part.toLowerCase(Locale.ROOT);
    }
}
