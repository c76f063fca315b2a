package kz.qatysu.staff.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kz.qatysu.territory.domain.KatoCode;
import org.junit.jupiter.api.Test;

class StaffScopeTest {

    private static final KatoCode BOSTANDYK = KatoCode.of("751410000");
    private static final KatoCode ESIL = KatoCode.of("711210000");

    @Test
    void aDistrictModeratorCoversTheirDistrictOnly() {
        StaffScope scope = StaffScope.subtree(BOSTANDYK);

        assertThat(scope.covers(BOSTANDYK)).isTrue();
        assertThat(scope.covers(KatoCode.of("751410123"))).isTrue();
        assertThat(scope.covers(ESIL)).isFalse();
        assertThat(scope.covers(KatoCode.of("750000000"))).isFalse();
    }

    @Test
    void analystsCoverEverythingAndUnassignedStaffNothing() {
        assertThat(StaffScope.ALL.covers(ESIL)).isTrue();
        assertThat(StaffScope.NONE.covers(ESIL)).isFalse();
    }

    @Test
    void aSubtreeScopeNamesItsTerritory() {
        assertThatThrownBy(() -> new StaffScope(StaffScope.Kind.SUBTREE, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StaffScope(StaffScope.Kind.ALL, ESIL)).isInstanceOf(IllegalArgumentException.class);
    }
}
