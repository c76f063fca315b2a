package kz.qatysu.citizen.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PersonNameTest {

    @Test
    void joinsSurnameGivenNameAndPatronymicInDocumentOrder() {
        assertThat(new PersonName("Серікбаев", "Нұрлан", "Асқарұлы").fullName()).isEqualTo("Серікбаев Нұрлан Асқарұлы");
        assertThat(new PersonName("Smith", "Anna", null).fullName()).isEqualTo("Smith Anna");
    }

    @Test
    void stripsZeroWidthAndBidiOverrideCharactersAndFoldsSpaces() {
        PersonName name = new PersonName("Сері\u200Bкбаев", "\u202EНұрлан", "  Асқарұлы \t ");

        assertThat(name.surname()).isEqualTo("Серікбаев");
        assertThat(name.givenName()).isEqualTo("Нұрлан");
        assertThat(name.patronymic()).isEqualTo("Асқарұлы");
    }

    @Test
    void normalisesToNfc() {
        // "Ә" written as A + combining diaeresis-like sequence is kept as is; NFC composes decomposed letters.
        String decomposed = "Йе";
        assertThat(new PersonName(decomposed, "Ан", null).surname()).isEqualTo("Йе");
    }

    @Test
    void refusesMissingOrBlankSurnameOrGivenName() {
        assertThatThrownBy(() -> new PersonName(" ", "Нұрлан", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonName("Серікбаев", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PersonName("\u200B", "Нұрлан", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesOverlongNames() {
        assertThatThrownBy(() -> new PersonName("А".repeat(101), "Нұрлан", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
