package kz.qatysu.round.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.territory.domain.KatoCode;

/** Rounds for tests: Bostandyk district of Almaty, calendar in Asia/Almaty (UTC+5). */
public final class RoundFixtures {

    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    public static final KatoCode BOSTANDYK = KatoCode.of("751410000");
    public static final KatoCode INSIDE_BOSTANDYK = KatoCode.of("751410010");
    public static final KatoCode ESIL = KatoCode.of("711210000");
    public static final Actor OPERATOR = Actor.staff("operator.almaty");
    public static final Instant CREATED = Instant.parse("2026-01-10T05:00:00Z");

    private RoundFixtures() {
    }

    /** Submission from 1 Feb, [support from 1 Mar,] moderation 1 Apr, voting 1 May, counting 1 Jun, results 10 Jun, implementation 1 Jul 2026. */
    public static PhaseCalendar calendar(boolean withSupport) {
        Map<Phase, LocalDateTime> starts = new EnumMap<>(Phase.class);
        starts.put(Phase.PROPOSAL_SUBMISSION, LocalDateTime.of(2026, 2, 1, 0, 0));
        if (withSupport) {
            starts.put(Phase.SUPPORT_COLLECTION, LocalDateTime.of(2026, 3, 1, 0, 0));
        }
        starts.put(Phase.MODERATION_AND_REVIEW, LocalDateTime.of(2026, 4, 1, 0, 0));
        starts.put(Phase.VOTING, LocalDateTime.of(2026, 5, 1, 0, 0));
        starts.put(Phase.COUNTING, LocalDateTime.of(2026, 6, 1, 0, 0));
        starts.put(Phase.RESULTS_PUBLISHED, LocalDateTime.of(2026, 6, 10, 0, 0));
        starts.put(Phase.IMPLEMENTATION, LocalDateTime.of(2026, 7, 1, 0, 0));
        return PhaseCalendar.ofLocal(ALMATY, starts);
    }

    public static BudgetRound round() {
        return round(false);
    }

    /** A drafting round of 500 million tenge, cap 50 million, categories parks and roads, no ballot rule yet. */
    public static BudgetRound round(boolean withSupport) {
        BudgetRound r = BudgetRound.draft(BOSTANDYK,
                RoundText.title("Бостандық бюджеті 2026", "Бюджет Бостандыка 2026", "Bostandyk budget 2026"),
                RoundText.description("Сипаттама", "Описание", null),
                500_000_000L, calendar(withSupport), withSupport ? 30 : null, OPERATOR, CREATED);
        r.changeBudget(500_000_000L, 50_000_000L);
        r.defineCategories(List.of(
                new RoundCategory("parks", "Саябақтар", "Парки", "Parks", 200_000_000L),
                new RoundCategory("roads", "Жолдар", "Дороги", "Roads", null)));
        return r;
    }

    /** A round with both rules chosen, ready to open voting. */
    public static BudgetRound roundWithRules(boolean withSupport) {
        BudgetRound r = round(withSupport);
        r.chooseBallotRule(BallotRule.approval(1, 5));
        r.chooseAllocationRule("mes_cost_add1");
        return r;
    }

    /** Advances a round phase by phase until it is in {@code target}. */
    public static BudgetRound advance(BudgetRound r, Phase target) {
        while (r.phase().isBefore(target)) {
            r.advanceTo(r.nextPhase().orElseThrow(), CREATED, OPERATOR);
        }
        return r;
    }
}
