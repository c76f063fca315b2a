package kz.qatysu.proposal.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.territory.domain.KatoCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProposalFilterTest {

    @Test
    void readsWellFormedParameters() {
        ProposalFilter filter = ProposalFilter.parse("751410000", 3L, "parks", "under-review", "саябақ");

        assertThat(filter.territory()).isEqualTo(KatoCode.of("751410000"));
        assertThat(filter.roundId()).isEqualTo(3L);
        assertThat(filter.category()).isEqualTo("parks");
        assertThat(filter.status()).isEqualTo(ProposalStatus.UNDER_REVIEW);
        assertThat(filter.text().words()).containsExactly("саябақ");
    }

    @Test
    void aCityIncludesItsDistricts() {
        assertThat(ProposalFilter.parse("750000000", null, null, null, null).territoryPattern()).contains("75%");
        assertThat(ProposalFilter.parse("751410000", null, null, null, null).territoryPattern()).contains("751410%");
        assertThat(ProposalFilter.none().territoryPattern()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"draft", "submitted", "under-moderation", "returned-for-changes", "withdrawn", "DRAFT",
            "FEASIBLE", "nonsense", ""})
    void aStatusThatIsNotPublicOrUnknownIsDropped(String status) {
        assertThat(ProposalFilter.parse(null, null, null, status, null).status()).isNull();
    }

    @Test
    void malformedValuesAreDropped() {
        ProposalFilter filter = ProposalFilter.parse("75141000X", null, "Parks; drop", null, "!!!");

        assertThat(filter).isEqualTo(ProposalFilter.none());
    }

    @Test
    void aFilterOnANonPublicStatusCannotBeBuilt() {
        assertThatThrownBy(() -> new ProposalFilter(null, null, null, ProposalStatus.DRAFT, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
