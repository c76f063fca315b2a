package kz.qatysu.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LocalizedTextTest {

    @Test
    void picksTheLanguageAndFallsBackToRussianWithoutEnglish() {
        LocalizedText almaty = new LocalizedText("Алматы", "Алматы", "Almaty");
        LocalizedText village = new LocalizedText("Ауыл", "Село", null);

        assertThat(almaty.in("en")).isEqualTo("Almaty");
        assertThat(village.in("en")).isEqualTo("Село");
        assertThat(village.in("kk")).isEqualTo("Ауыл");
        assertThat(village.in("de")).isEqualTo("Село");
    }

    @Test
    void joinsAPathPerLanguage() {
        LocalizedText path = LocalizedText.join(" › ", List.of(
                new LocalizedText("Алматы", "Алматы", "Almaty"),
                new LocalizedText("Бостандық ауданы", "Бостандыкский район", "Bostandyk District")));

        assertThat(path.kk()).isEqualTo("Алматы › Бостандық ауданы");
        assertThat(path.ru()).isEqualTo("Алматы › Бостандыкский район");
        assertThat(path.en()).isEqualTo("Almaty › Bostandyk District");
    }
}
