package kz.qatysu.proposal.domain;

import static kz.qatysu.proposal.domain.ProposalFixtures.AUTHOR;
import static kz.qatysu.proposal.domain.ProposalFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.text.TextRefused;
import kz.qatysu.round.domain.RoundFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProposalContentTest {

    // ---------------------------------------------------------------- title and description

    @ParameterizedTest
    @ValueSource(strings = {"<svg onload=alert(1)>", "<img src=x onerror=alert(1)>", "javascript:alert(1)"})
    void keepsXssPayloadsAsInertText(String payload) {
        assertThat(new ProposalTitle(payload).value()).isEqualTo(payload);
        assertThat(new ProposalDescription("Мәтін " + payload).value()).isEqualTo("Мәтін " + payload);
    }

    @Test
    void refusesAMegabyteTitleAndAnOverlongDescription() {
        assertThatThrownBy(() -> new ProposalTitle("x".repeat(1_000_000)))
                .isInstanceOf(TextRefused.class).hasMessage("proposal.error.title-too-long");
        assertThatThrownBy(() -> new ProposalTitle("x".repeat(201))).hasMessage("proposal.error.title-too-long");
        assertThatThrownBy(() -> new ProposalDescription("x".repeat(20_001)))
                .hasMessage("proposal.error.description-too-long");
        assertThat(new ProposalTitle("x".repeat(200)).value()).hasSize(200);
        assertThat(new ProposalDescription("x".repeat(20_000)).value()).hasSize(20_000);
    }

    @Test
    void refusesWhitespaceOnlyText() {
        assertThatThrownBy(() -> new ProposalTitle(" \t\n\u00A0 ")).hasMessage("proposal.error.title-blank");
        assertThatThrownBy(() -> new ProposalDescription("\n\n  \u200B")).hasMessage("proposal.error.description-blank");
        assertThatThrownBy(() -> new ProposalTitle(null)).hasMessage("proposal.error.title-blank");
    }

    @Test
    void removesBidiOverridesAndZeroWidthCharacters() {
        assertThat(new ProposalTitle("Сквер \u202Eлагрес\u202C\u200B на Абая").value()).isEqualTo("Сквер лагрес на Абая");
    }

    // ---------------------------------------------------------------- cost

    @Test
    void takesTheSumOfTheLinesAsTheTotal() {
        CostEstimate estimate = new CostEstimate(List.of(new CostLine("Орындық", 20, 150_000),
                new CostLine("Шам", 10, 400_000)), 7_000_000L);

        assertThat(estimate.total()).isEqualTo(7_000_000L);
        assertThat(CostEstimate.of(estimate.lines())).isEqualTo(estimate);
    }

    @Test
    void refusesLinesThatDoNotSumToTheTotal() {
        List<CostLine> lines = List.of(new CostLine("Орындық", 20, 150_000), new CostLine("Шам", 10, 400_000));

        assertThatThrownBy(() -> new CostEstimate(lines, 6_999_999L))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("proposal.error.cost-lines-sum");
        assertThatThrownBy(() -> new CostEstimate(lines, 7_000_001L)).hasMessage("proposal.error.cost-lines-sum");
    }

    @Test
    void refusesNegativeOrZeroLines() {
        assertThatThrownBy(() -> new CostLine("Орындық", -1, 150_000)).hasMessage("proposal.error.cost-line-quantity");
        assertThatThrownBy(() -> new CostLine("Орындық", 0, 150_000)).hasMessage("proposal.error.cost-line-quantity");
        assertThatThrownBy(() -> new CostLine("Орындық", 1, 0)).hasMessage("proposal.error.cost-line-unit-price");
        assertThatThrownBy(() -> new CostLine("Орындық", 1, -150_000))
                .hasMessage("proposal.error.cost-line-unit-price");
        assertThatThrownBy(() -> new CostLine(" ", 1, 1)).hasMessage("proposal.error.cost-line-description-blank");
    }

    @Test
    void refusesAnEmptyEstimateAndOverflowingAmounts() {
        assertThatThrownBy(() -> CostEstimate.of(List.of())).hasMessage("proposal.error.cost-lines-empty");
        assertThatThrownBy(() -> new CostLine("Көп", Long.MAX_VALUE / 2, 3)).hasMessage("proposal.error.cost-too-large");
        CostLine half = new CostLine("Жарты", 1, Long.MAX_VALUE / 2 + 1);
        assertThatThrownBy(() -> CostEstimate.of(List.of(half, half))).hasMessage("proposal.error.cost-too-large");
    }

    @Test
    void refusesATotalAboveTheRoundsCap() {
        CostEstimate overCap = CostEstimate.of(List.of(new CostLine("Көпір", 1, 50_000_001L)));

        assertThatThrownBy(() -> Proposal.draft(ProposalFixtures.openRound(false), Proposer.citizen(42),
                RoundFixtures.INSIDE_BOSTANDYK, ProposalFixtures.content(overCap), AUTHOR, NOW))
                .hasMessage("proposal.error.cost-over-cap");
    }

    @Test
    void refusesACategoryTheRoundDoesNotHave() {
        ProposalContent c = ProposalFixtures.content();
        ProposalContent unknown = new ProposalContent(c.title(), c.description(), "space", c.location(), c.cost(),
                Set.of());

        assertThatThrownBy(() -> Proposal.draft(ProposalFixtures.openRound(false), Proposer.citizen(42),
                RoundFixtures.INSIDE_BOSTANDYK, unknown, AUTHOR, NOW)).hasMessage("proposal.error.category-unknown");
    }

    // ---------------------------------------------------------------- location

    @Test
    void checksCoordinateRangesAndPairs() {
        assertThat(ProposalLocation.of("Абай даңғылы, 10", 43.238, 76.945).latitude()).contains(43.238);
        assertThat(ProposalLocation.of("Абай даңғылы, 10").latitude()).isEmpty();
        assertThat(ProposalLocation.of("Полюс", -90.0, 180.0).longitude()).contains(180.0);

        assertThatThrownBy(() -> ProposalLocation.of("А", 90.0001, 76.0)).hasMessage("proposal.error.coordinates-range");
        assertThatThrownBy(() -> ProposalLocation.of("А", 43.0, -180.5)).hasMessage("proposal.error.coordinates-range");
        assertThatThrownBy(() -> ProposalLocation.of("А", Double.NaN, 76.0))
                .hasMessage("proposal.error.coordinates-range");
        assertThatThrownBy(() -> ProposalLocation.of("А", 43.0, null)).hasMessage("proposal.error.coordinates-pair");
        assertThatThrownBy(() -> ProposalLocation.of("  ", null, null)).hasMessage("proposal.error.address-blank");
    }

    @Test
    void limitsCoProposers() {
        ProposalContent c = ProposalFixtures.content();
        Set<Bin> eleven = new java.util.HashSet<>();
        for (int serial = 0; eleven.size() < 11; serial++) {
            String candidate = BinTest.withCheckDigit("9401400" + String.format("%04d", serial));
            if (candidate != null) {
                eleven.add(Bin.parse(candidate));
            }
        }

        assertThatThrownBy(() -> new ProposalContent(c.title(), c.description(), "parks", c.location(), c.cost(),
                eleven)).hasMessage("proposal.error.co-proposers-count");
    }
}
