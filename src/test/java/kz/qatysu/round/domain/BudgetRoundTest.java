package kz.qatysu.round.domain;

import static kz.qatysu.round.domain.RoundFixtures.BOSTANDYK;
import static kz.qatysu.round.domain.RoundFixtures.CREATED;
import static kz.qatysu.round.domain.RoundFixtures.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.json.CanonicalJson;
import kz.qatysu.territory.domain.KatoCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class BudgetRoundTest {

    private static final Instant NOW = Instant.parse("2026-04-30T19:00:00Z");

    // ---------------------------------------------------------------- creation and rules

    @Test
    void startsInDraftingWithTheDefaultMinimumAgeAndCleanedTexts() {
        BudgetRound round = BudgetRound.draft(BOSTANDYK,
                RoundText.title("  Бюджет\u200B  ", "Бюджет \u202E2026", null),
                RoundText.description("<b>Сипаттама</b>", "Описание", ""),
                1_000L, RoundFixtures.calendar(false), null, OPERATOR, CREATED);

        assertThat(round.phase()).isEqualTo(Phase.DRAFTING);
        assertThat(round.minimumAge()).isEqualTo(18);
        assertThat(round.title()).isEqualTo(new RoundText("Бюджет", "Бюджет 2026", null));
        assertThat(round.description().kk()).isEqualTo("<b>Сипаттама</b>");
        assertThat(round.description().en()).isNull();
        assertThat(round.rulesFrozen()).isFalse();
        assertThat(round.createdBy()).isEqualTo(OPERATOR);
    }

    @Test
    void refusesANonPositiveBudgetAndACapAboveTheTotal() {
        BudgetRound round = RoundFixtures.round();

        assertThatThrownBy(() -> round.changeBudget(0, null)).hasMessage("round.error.budget-positive");
        assertThatThrownBy(() -> round.changeBudget(-5, null)).hasMessage("round.error.budget-positive");
        assertThatThrownBy(() -> round.changeBudget(1_000, 1_001L)).hasMessage("round.error.cost-cap");
        assertThatThrownBy(() -> round.changeBudget(500_000_000, 0L)).hasMessage("round.error.cost-cap");
    }

    @Test
    void refusesCategoryBudgetsAboveTheTotal() {
        BudgetRound round = RoundFixtures.round();

        assertThatThrownBy(() -> round.defineCategories(List.of(
                new RoundCategory("parks", "Саябақ", "Парки", null, 300_000_000L),
                new RoundCategory("schools", "Мектеп", "Школы", null, 200_000_001L))))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessage("round.error.category-budgets-exceed-total");
        assertThatThrownBy(() -> round.changeBudget(199_999_999L, null))
                .hasMessage("round.error.category-budgets-exceed-total");
        assertThat(round.categories()).extracting(RoundCategory::code).containsExactly("parks", "roads");
    }

    @Test
    void acceptsCategoryBudgetsThatAddUpToExactlyTheTotal() {
        BudgetRound round = RoundFixtures.round();

        round.defineCategories(List.of(
                new RoundCategory("parks", "Саябақ", "Парки", null, 300_000_000L),
                new RoundCategory("schools", "Мектеп", "Школы", null, 200_000_000L)));

        assertThat(round.categories()).hasSize(2);
    }

    @Test
    void refusesDuplicateOrMalformedCategoryCodes() {
        BudgetRound round = RoundFixtures.round();

        assertThatThrownBy(() -> round.defineCategories(List.of(
                new RoundCategory("parks", "А", "Б", null, null), new RoundCategory("parks", "В", "Г", null, null))))
                .hasMessage("round.error.category-duplicate");
        assertThatThrownBy(() -> new RoundCategory("Parks!", "А", "Б", null, null))
                .hasMessage("round.error.category-code");
        assertThatThrownBy(() -> new RoundCategory("parks", "А", "Б", null, 0L))
                .hasMessage("round.error.category-budget");
    }

    @Test
    void acceptsOnlyAllocationRulesOfTheEngine() {
        BudgetRound round = RoundFixtures.round();

        round.chooseAllocationRule("greedy_cost");
        round.chooseAllocationRule("mes_cost_add1");

        assertThat(round.allocationRule()).contains("mes_cost_add1");
        for (String bad : new String[] {"", "GREEDY_COST", "greedy_cost ", "mes_cost_add1; drop table", "random"}) {
            assertThatThrownBy(() -> round.chooseAllocationRule(bad)).hasMessage("round.error.allocation-rule-unknown");
        }
        assertThatThrownBy(() -> round.chooseAllocationRule(null)).hasMessage("round.error.allocation-rule-unknown");
    }

    @Test
    void refusesAnAllocationRuleThatIsNotDefinedForItsBallots() {
        BudgetRound approval = RoundFixtures.round();
        approval.chooseBallotRule(BallotRule.approval(1, 3));
        assertThatThrownBy(() -> approval.chooseAllocationRule("greedy_points"))
                .hasMessage("round.error.rule-ballot-mismatch");
        approval.chooseAllocationRule("seq_phragmen");

        // Either order: the ballot rule chosen after the allocation rule is checked the same way.
        assertThatThrownBy(() -> approval.chooseBallotRule(BallotRule.cumulative(10, 5)))
                .hasMessage("round.error.rule-ballot-mismatch");
        assertThat(approval.ballotRule()).contains(BallotRule.approval(1, 3));

        BudgetRound cumulative = RoundFixtures.round();
        cumulative.chooseBallotRule(BallotRule.cumulative(10, 5));
        cumulative.chooseAllocationRule("mes_points_cost");
        assertThatThrownBy(() -> cumulative.chooseAllocationRule("seq_phragmen"))
                .hasMessage("round.error.rule-ballot-mismatch");
        assertThat(cumulative.allocationRule()).contains("mes_points_cost");
    }

    @Test
    void checksTheLimitsOfEachBallotRule() {
        assertThat(BallotRule.approval(1, 5).kind()).isEqualTo(BallotRule.Kind.APPROVAL);
        assertThat(BallotRule.knapsack(null).minBudgetSharePercent()).isNull();
        assertThat(BallotRule.cumulative(10, 3).maxPointsPerProject()).isEqualTo(3);

        assertThatThrownBy(() -> BallotRule.approval(0, 5)).hasMessage("round.error.ballot-picks");
        assertThatThrownBy(() -> BallotRule.approval(3, 2)).hasMessage("round.error.ballot-picks");
        assertThatThrownBy(() -> BallotRule.knapsack(0)).hasMessage("round.error.ballot-budget-share");
        assertThatThrownBy(() -> BallotRule.knapsack(101)).hasMessage("round.error.ballot-budget-share");
        assertThatThrownBy(() -> BallotRule.cumulative(10, 11)).hasMessage("round.error.ballot-points");
        assertThatThrownBy(() -> BallotRule.cumulative(0, 0)).hasMessage("round.error.ballot-points");
    }

    @Test
    void refusesAMinimumAgeOutsideTheAllowedRange() {
        BudgetRound round = RoundFixtures.round();

        round.changeMinimumAge(16);

        assertThat(round.minimumAge()).isEqualTo(16);
        assertThatThrownBy(() -> round.changeMinimumAge(13)).hasMessage("round.error.minimum-age");
        assertThatThrownBy(() -> round.changeMinimumAge(101)).hasMessage("round.error.minimum-age");
    }

    @Test
    void needsASupportThresholdExactlyWhenTheCalendarCollectsSupport() {
        BudgetRound round = RoundFixtures.round();

        assertThatThrownBy(() -> round.schedule(RoundFixtures.calendar(true), null))
                .hasMessage("round.error.support-threshold-calendar");
        assertThatThrownBy(() -> round.schedule(RoundFixtures.calendar(false), 10))
                .hasMessage("round.error.support-threshold-calendar");
        assertThatThrownBy(() -> round.schedule(RoundFixtures.calendar(true), 0))
                .hasMessage("round.error.support-threshold");

        round.schedule(RoundFixtures.calendar(true), 50);
        assertThat(round.collectsSupport()).isTrue();
        assertThat(round.supportThreshold()).contains(50);
    }

    @Test
    void cannotStartOrStopCollectingSupportAfterSubmission() {
        BudgetRound round = RoundFixtures.advance(RoundFixtures.round(true), Phase.SUPPORT_COLLECTION);

        assertThatThrownBy(() -> round.schedule(RoundFixtures.calendar(false), null))
                .hasMessage("round.error.support-change-too-late");
        assertThatCode(() -> round.schedule(RoundFixtures.calendar(true), 40)).doesNotThrowAnyException();
    }

    // ---------------------------------------------------------------- phases

    @Test
    void advancesOnePhaseAtATimeSkippingSupportCollectionWhenNotConfigured() {
        BudgetRound round = RoundFixtures.roundWithRules(false);

        round.advanceTo(Phase.PROPOSAL_SUBMISSION, NOW, OPERATOR);
        round.advanceTo(Phase.MODERATION_AND_REVIEW, NOW, OPERATOR);
        round.advanceTo(Phase.VOTING, NOW, OPERATOR);
        round.advanceTo(Phase.COUNTING, NOW, OPERATOR);
        round.advanceTo(Phase.RESULTS_PUBLISHED, NOW, OPERATOR);
        round.advanceTo(Phase.IMPLEMENTATION, NOW, OPERATOR);

        assertThat(round.phase()).isEqualTo(Phase.IMPLEMENTATION);
        assertThat(round.nextPhase()).isEmpty();
        assertThat(round.pullEvents()).extracting(PhaseChanged::to).containsExactly(
                Phase.PROPOSAL_SUBMISSION, Phase.MODERATION_AND_REVIEW, Phase.VOTING, Phase.COUNTING,
                Phase.RESULTS_PUBLISHED, Phase.IMPLEMENTATION);
        assertThat(round.pullEvents()).isEmpty();
    }

    @Test
    void goesThroughSupportCollectionWhenConfigured() {
        BudgetRound round = RoundFixtures.round(true);
        round.advanceTo(Phase.PROPOSAL_SUBMISSION, NOW, OPERATOR);

        assertThatThrownBy(() -> round.advanceTo(Phase.MODERATION_AND_REVIEW, NOW, OPERATOR))
                .isInstanceOf(IllegalPhaseChange.class);
        round.advanceTo(Phase.SUPPORT_COLLECTION, NOW, OPERATOR);

        assertThat(round.phase()).isEqualTo(Phase.SUPPORT_COLLECTION);
    }

    @Test
    void refusesSupportCollectionInARoundWithoutIt() {
        BudgetRound round = RoundFixtures.advance(RoundFixtures.round(false), Phase.PROPOSAL_SUBMISSION);

        assertThatThrownBy(() -> round.advanceTo(Phase.SUPPORT_COLLECTION, NOW, OPERATOR))
                .isInstanceOf(IllegalPhaseChange.class);
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void refusesToGoBackStayOrSkipAhead(Phase target) {
        BudgetRound round = RoundFixtures.advance(RoundFixtures.roundWithRules(false), Phase.MODERATION_AND_REVIEW);

        if (target == Phase.VOTING) {
            assertThatCode(() -> round.advanceTo(target, NOW, OPERATOR)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> round.advanceTo(target, NOW, OPERATOR))
                    .isInstanceOf(IllegalPhaseChange.class)
                    .hasMessage("round.error.phase-change")
                    .satisfies(e -> assertThat(((IllegalPhaseChange) e).from()).isEqualTo(Phase.MODERATION_AND_REVIEW));
            assertThat(round.phase()).isEqualTo(Phase.MODERATION_AND_REVIEW);
        }
    }

    @Test
    void followsTheCalendarPhaseByPhase() {
        BudgetRound round = RoundFixtures.roundWithRules(false);
        Actor calendar = Actor.system("calendar");

        assertThat(round.followCalendar(Instant.parse("2026-01-31T18:59:59Z"), calendar)).isEmpty();
        List<PhaseChanged> changes = round.followCalendar(Instant.parse("2026-05-02T00:00:00Z"), calendar);

        assertThat(changes).extracting(PhaseChanged::to)
                .containsExactly(Phase.PROPOSAL_SUBMISSION, Phase.MODERATION_AND_REVIEW, Phase.VOTING);
        assertThat(changes).allSatisfy(c -> assertThat(c.actor()).isEqualTo(calendar));
        assertThat(round.rulesFrozen()).isTrue();
    }

    @Test
    void refusesToOpenVotingWithoutBothRules() {
        BudgetRound round = RoundFixtures.advance(RoundFixtures.round(), Phase.MODERATION_AND_REVIEW);
        round.chooseBallotRule(BallotRule.knapsack(null));

        assertThatThrownBy(() -> round.advanceTo(Phase.VOTING, NOW, OPERATOR)).hasMessage("round.error.rules-incomplete");
        assertThat(round.phase()).isEqualTo(Phase.MODERATION_AND_REVIEW);
        assertThat(round.rulesFrozen()).isFalse();
    }

    // ---------------------------------------------------------------- freezing

    @Test
    void freezesTheRulesIntoAHashedManifestWhenVotingOpens() {
        BudgetRound round = RoundFixtures.advance(RoundFixtures.roundWithRules(false), Phase.MODERATION_AND_REVIEW);
        RulesManifest preview = round.manifest();

        round.advanceTo(Phase.VOTING, NOW, OPERATOR);

        RulesManifest frozen = round.frozenManifest().orElseThrow();
        assertThat(frozen).isEqualTo(preview);
        assertThat(frozen.sha256()).isEqualTo(CanonicalJson.sha256Hex(frozen.json())).hasSize(64);
        assertThat(round.rulesFrozenAt()).contains(NOW);
        assertThat(frozen.json()).contains("\"allocationRule\":\"mes_cost_add1\"", "\"total\":500000000",
                "\"projectCostCap\":50000000", "\"minimumAge\":18", "\"territory\":\"751410000\"",
                "\"zone\":\"Asia/Almaty\"", "\"voting\":\"2026-04-30T19:00:00Z\"", "\"maxPicks\":5");
    }

    static Stream<Arguments> ruleChanges() {
        return Stream.of(
                Arguments.of("budget", (Consumer<BudgetRound>) r -> r.changeBudget(600_000_000L, null)),
                Arguments.of("same budget", (Consumer<BudgetRound>) r -> r.changeBudget(500_000_000L, 50_000_000L)),
                Arguments.of("categories", (Consumer<BudgetRound>) r -> r.defineCategories(List.of())),
                Arguments.of("minimum age", (Consumer<BudgetRound>) r -> r.changeMinimumAge(16)),
                Arguments.of("calendar", (Consumer<BudgetRound>) r -> r.schedule(RoundFixtures.calendar(false), null)),
                Arguments.of("ballot rule", (Consumer<BudgetRound>) r -> r.chooseBallotRule(BallotRule.knapsack(50))),
                Arguments.of("allocation rule", (Consumer<BudgetRound>) r -> r.chooseAllocationRule("greedy_cost")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleChanges")
    void refusesEveryRuleChangeOnceVotingHasOpened(String what, Consumer<BudgetRound> change) {
        BudgetRound round = RoundFixtures.advance(RoundFixtures.roundWithRules(false), Phase.VOTING);
        RulesManifest before = round.frozenManifest().orElseThrow();

        assertThatThrownBy(() -> change.accept(round))
                .isInstanceOf(RulesFrozen.class)
                .hasMessage("round.error.rules-frozen");
        assertThat(round.manifest()).isEqualTo(before);
        assertThat(round.totalBudget()).isEqualTo(500_000_000L);
        assertThat(round.categories()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleChanges")
    void refusesRuleChangesInEveryPhaseAfterVoting(String what, Consumer<BudgetRound> change) {
        BudgetRound round = RoundFixtures.advance(RoundFixtures.roundWithRules(false), Phase.IMPLEMENTATION);

        assertThatThrownBy(() -> change.accept(round)).isInstanceOf(RulesFrozen.class);
    }

    @Test
    void stillAcceptsNewTextsAfterFreezingAsTheyAreNotRules() {
        BudgetRound round = RoundFixtures.advance(RoundFixtures.roundWithRules(false), Phase.VOTING);

        round.describe(RoundText.title("Жаңа", "Новое", "New"), RoundText.description("С", "О", null));

        assertThat(round.title().en()).isEqualTo("New");
    }

    // ---------------------------------------------------------------- manifest

    @Test
    void givesTheSameManifestWhateverTheOrderRulesWereSetIn() {
        BudgetRound one = RoundFixtures.roundWithRules(false);
        BudgetRound two = RoundFixtures.round(false);
        two.chooseAllocationRule("mes_cost_add1");
        two.defineCategories(List.of(
                new RoundCategory("roads", "Жолдар", "Дороги", "Roads", null),
                new RoundCategory("parks", "Саябақтар", "Парки", "Parks", 200_000_000L)));
        two.chooseBallotRule(BallotRule.approval(1, 5));

        assertThat(two.manifest().json()).isEqualTo(one.manifest().json());
        assertThat(two.manifest().sha256()).isEqualTo(one.manifest().sha256());
    }

    @Test
    void givesTheSameManifestOnEveryRun() {
        assertThat(RoundFixtures.roundWithRules(true).manifest())
                .isEqualTo(RoundFixtures.roundWithRules(true).manifest());
        assertThat(RoundFixtures.roundWithRules(true).manifest().sha256())
                .isEqualTo(CanonicalJson.sha256Hex(RoundFixtures.roundWithRules(true).manifest().json()));
    }

    @Test
    void writesTheManifestWithSortedKeysAndNoWhiteSpace() {
        String json = RoundFixtures.roundWithRules(false).manifest().json();

        assertThat(json).startsWith("{\"allocationRule\":").doesNotContain(" ", "\n");
        assertThat(json.indexOf("\"ballot\"")).isLessThan(json.indexOf("\"budget\""));
        assertThat(json.indexOf("\"budget\"")).isLessThan(json.indexOf("\"calendar\""));
        assertThat(json.indexOf("\"calendar\"")).isLessThan(json.indexOf("\"categories\""));
        assertThat(json.indexOf("\"eligibility\"")).isLessThan(json.indexOf("\"manifestVersion\""));
        assertThat(json.indexOf("\"supportThreshold\"")).isLessThan(json.indexOf("\"territory\""));
        assertThat(json).contains("\"supportThreshold\":null", "{\"budget\":200000000,\"code\":\"parks\"}");
    }

    @Test
    void givesADifferentHashForAnyDifferentRule() {
        String base = RoundFixtures.roundWithRules(false).manifest().sha256();

        BudgetRound budget = RoundFixtures.roundWithRules(false);
        budget.changeBudget(500_000_001L, 50_000_000L);
        BudgetRound rule = RoundFixtures.roundWithRules(false);
        rule.chooseAllocationRule("greedy_cost");
        BudgetRound ballot = RoundFixtures.roundWithRules(false);
        ballot.chooseBallotRule(BallotRule.approval(1, 6));
        BudgetRound age = RoundFixtures.roundWithRules(false);
        age.changeMinimumAge(16);

        assertThat(Stream.of(budget, rule, ballot, age).map(r -> r.manifest().sha256()))
                .doesNotContain(base).doesNotHaveDuplicates();
    }

    @Test
    void refusesAManifestWhoseHashDoesNotMatchItsText() {
        RulesManifest m = RoundFixtures.roundWithRules(false).manifest();

        assertThatThrownBy(() -> new RulesManifest(m.json().replace("500000000", "500000001"), m.sha256()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- eligibility

    @Test
    void admitsResidentsOfTheWholeSubtreeOnly() {
        BudgetRound round = RoundFixtures.round();

        assertThat(round.isResident(BOSTANDYK)).isTrue();
        assertThat(round.isResident(RoundFixtures.INSIDE_BOSTANDYK)).isTrue();
        assertThat(round.isResident(RoundFixtures.ESIL)).isFalse();
        assertThat(round.isResident(KatoCode.of("751000000"))).isFalse();
        assertThatThrownBy(() -> round.requireResident(RoundFixtures.ESIL)).hasMessage("round.error.not-resident");
    }

    @Test
    void reckonsAgeOnTheLastDayOfVotingInTheRoundsZone() {
        BudgetRound round = RoundFixtures.round();

        assertThat(round.lastDayOfVoting()).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(round.admitsVoter(LocalDate.of(2008, 5, 31), BOSTANDYK)).isTrue();
        assertThat(round.admitsVoter(LocalDate.of(2008, 6, 1), BOSTANDYK)).isFalse();
        assertThat(round.admitsVoter(LocalDate.of(1980, 1, 1), RoundFixtures.ESIL)).isFalse();
    }

    @Test
    void limitsProjectCostByCapAndCategoryBudget() {
        BudgetRound round = RoundFixtures.round();

        assertThat(round.maximumProjectCost("roads")).isEqualTo(50_000_000L);
        round.changeBudget(500_000_000L, null);
        assertThat(round.maximumProjectCost("roads")).isEqualTo(500_000_000L);
        assertThat(round.maximumProjectCost("parks")).isEqualTo(200_000_000L);
    }
}
