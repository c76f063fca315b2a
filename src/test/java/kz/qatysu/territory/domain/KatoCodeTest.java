package kz.qatysu.territory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KatoCodeTest {

    @Test
    void significantPrefixDropsTrailingZeroGroups() {
        assertThat(KatoCode.of("750000000").significantPrefix()).isEqualTo("75");
        assertThat(KatoCode.of("751410000").significantPrefix()).isEqualTo("751410");
        assertThat(KatoCode.of("151010000").significantPrefix()).isEqualTo("151010");
        assertThat(KatoCode.of("751410123").significantPrefix()).isEqualTo("751410123");
    }

    @Test
    void aDistrictLiesWithinItsCityButNotWithinAnotherCity() {
        KatoCode bostandyk = KatoCode.of("751410000");

        assertThat(bostandyk.isWithin(KatoCode.of("750000000"))).isTrue();
        assertThat(bostandyk.isWithin(bostandyk)).isTrue();
        assertThat(bostandyk.isWithin(KatoCode.of("710000000"))).isFalse();
        assertThat(bostandyk.isWithin(KatoCode.of("751110000"))).isFalse();
        assertThat(KatoCode.of("750000000").isWithin(bostandyk)).isFalse();
    }

    @Test
    void structuralParentZeroesTheLastSignificantGroup() {
        assertThat(KatoCode.of("751410000").structuralParent()).contains(KatoCode.of("751400000"));
        assertThat(KatoCode.of("751400000").structuralParent()).contains(KatoCode.of("750000000"));
        assertThat(KatoCode.of("751410123").structuralParent()).contains(KatoCode.of("751410000"));
        assertThat(KatoCode.of("750000000").structuralParent()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"75141000", "7514100000", "75141000a", "７５１４１００００", "000000000", ""})
    void refusesAnythingButNineAsciiDigitsWithARegion(String raw) {
        assertThat(KatoCode.isWellFormed(raw)).isFalse();
        assertThatThrownBy(() -> KatoCode.of(raw)).isInstanceOf(IllegalArgumentException.class);
    }
}
