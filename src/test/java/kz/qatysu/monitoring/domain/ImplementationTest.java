package kz.qatysu.monitoring.domain;

import static kz.qatysu.monitoring.domain.FundedProposals.ASSESSED;
import static kz.qatysu.monitoring.domain.FundedProposals.MODERATOR;
import static kz.qatysu.monitoring.domain.FundedProposals.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImplementationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 7, 10);
    private static final LocalDate COMPLETION = LocalDate.of(2026, 10, 1);

    private static Implementation started() {
        return Implementation.start(FundedProposals.funded(), COMPLETION, MODERATOR, NOW);
    }

    /** The refusal's message key, and that the record did not change. */
    private static void assertRefused(Implementation i, Runnable action, String key) {
        int updates = i.history().size();
        int percent = i.percentDone();
        long contracted = i.contracted();
        long spent = i.spent();
        ImplementationStatus status = i.status();
        int milestones = i.milestones().size();

        assertThatThrownBy(action::run).isInstanceOf(DomainRuleViolation.class).hasMessage(key);

        assertThat(i.history()).hasSize(updates);
        assertThat(i.percentDone()).isEqualTo(percent);
        assertThat(i.contracted()).isEqualTo(contracted);
        assertThat(i.spent()).isEqualTo(spent);
        assertThat(i.status()).isEqualTo(status);
        assertThat(i.milestones()).hasSize(milestones);
    }

    // ---------------------------------------------------------------- opening

    @Test
    void aFundedProjectStartsPlannedWithItsAssessedCostAndAFirstHistoryEntry() {
        Implementation i = started();

        assertThat(i.status()).isEqualTo(ImplementationStatus.PLANNED);
        assertThat(i.assessedCost()).isEqualTo(ASSESSED);
        assertThat(i.territory().value()).isEqualTo("751410000");
        assertThat(i.dueDate()).contains(COMPLETION);
        assertThat(i.history()).singleElement().satisfies(u -> {
            assertThat(u.kind()).isEqualTo(UpdateKind.STARTED);
            assertThat(u.actor()).isEqualTo(MODERATOR);
            assertThat(u.at()).isEqualTo(NOW);
        });
    }

    @Test
    void onlyAFundedProjectIsMonitored() {
        assertThatThrownBy(() -> Implementation.start(FundedProposals.counted(false), COMPLETION, MODERATOR, NOW))
                .hasMessage("monitoring.error.not-funded");
    }

    @Test
    void onlyStaffStartAndUpdateTheRecord() {
        Actor citizen = Actor.citizen(42L);
        assertThatThrownBy(() -> Implementation.start(FundedProposals.funded(), COMPLETION, citizen, NOW))
                .hasMessage("monitoring.error.staff-only");
        Implementation i = started();
        assertRefused(i, () -> i.reportProgress(10, 0, 0, null, Actor.system("x"), NOW), "monitoring.error.staff-only");
    }

    @Test
    void aPlannedCompletionIsRequired() {
        assertThatThrownBy(() -> Implementation.start(FundedProposals.funded(), null, MODERATOR, NOW))
                .hasMessage("monitoring.error.planned-completion");
    }

    // ---------------------------------------------------------------- milestones

    @Test
    void milestonesAreNumberedAndMarkingOneDoneStartsTheWork() {
        Implementation i = started();
        i.planMilestone("  Келісімшартқа\u200b қол қойылды ", TODAY.plusDays(5), MODERATOR, NOW);
        i.planMilestone("Іргетас", TODAY.plusDays(30), MODERATOR, NOW);

        i.completeMilestone(1, TODAY.minusDays(1), TODAY, MODERATOR, NOW);

        assertThat(i.milestones()).extracting(Milestone::number, Milestone::title)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "Келісімшартқа қол қойылды"),
                        org.assertj.core.groups.Tuple.tuple(2, "Іргетас"));
        assertThat(i.milestone(1).orElseThrow().doneOn()).contains(TODAY.minusDays(1));
        assertThat(i.status()).isEqualTo(ImplementationStatus.IN_PROGRESS);
        assertThat(i.dueDate()).contains(TODAY.plusDays(30));
        assertThat(i.history()).extracting(ImplementationUpdate::kind).containsExactly(UpdateKind.STARTED,
                UpdateKind.MILESTONE_PLANNED, UpdateKind.MILESTONE_PLANNED, UpdateKind.MILESTONE_DONE);
        assertThat(i.history().getLast().detail()).contains("Келісімшартқа қол қойылды");
    }

    @Test
    void aMilestoneNeedsATitleAndADate() {
        Implementation i = started();
        assertRefused(i, () -> i.planMilestone(" \u200b ", TODAY, MODERATOR, NOW), "monitoring.error.milestone-title-blank");
        assertRefused(i, () -> i.planMilestone("x".repeat(201), TODAY, MODERATOR, NOW),
                "monitoring.error.milestone-title-too-long");
        assertRefused(i, () -> i.planMilestone("Іргетас", null, MODERATOR, NOW), "monitoring.error.milestone-date");
    }

    @Test
    void aMilestoneIsDoneOnceAndNotInTheFuture() {
        Implementation i = started();
        i.planMilestone("Іргетас", TODAY, MODERATOR, NOW);
        assertRefused(i, () -> i.completeMilestone(1, TODAY.plusDays(1), TODAY, MODERATOR, NOW),
                "monitoring.error.done-in-future");
        assertRefused(i, () -> i.completeMilestone(7, null, TODAY, MODERATOR, NOW), "monitoring.error.milestone-unknown");
        i.completeMilestone(1, null, TODAY, MODERATOR, NOW);
        assertThat(i.milestone(1).orElseThrow().doneOn()).contains(TODAY);
        assertRefused(i, () -> i.completeMilestone(1, null, TODAY, MODERATOR, NOW), "monitoring.error.milestone-done");
    }

    @Test
    void aProjectHasAtMostFiftyMilestones() {
        Implementation i = started();
        for (int n = 0; n < Implementation.MAX_MILESTONES; n++) {
            i.planMilestone("Кезең " + n, TODAY, MODERATOR, NOW);
        }
        assertRefused(i, () -> i.planMilestone("Тағы бір", TODAY, MODERATOR, NOW), "monitoring.error.milestone-count");
    }

    // ---------------------------------------------------------------- progress and money

    @Test
    void progressAndMoneyAreRecordedWithTheFiguresInTheHistory() {
        Implementation i = started();

        i.reportProgress(40, 7_000_000, 2_500_000, null, MODERATOR, NOW);

        assertThat(i.status()).isEqualTo(ImplementationStatus.IN_PROGRESS);
        assertThat(i.percentDone()).isEqualTo(40);
        assertThat(i.contracted()).isEqualTo(7_000_000);
        assertThat(i.spent()).isEqualTo(2_500_000);
        assertThat(i.moneyNote()).isEmpty();
        assertThat(i.history().getLast()).satisfies(u -> {
            assertThat(u.kind()).isEqualTo(UpdateKind.PROGRESS);
            assertThat(u.percentDone()).isEqualTo(40);
            assertThat(u.contracted()).isEqualTo(7_000_000);
            assertThat(u.spent()).isEqualTo(2_500_000);
            assertThat(u.status()).isEqualTo(ImplementationStatus.IN_PROGRESS);
        });
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 101, 1000, Integer.MIN_VALUE})
    void aPercentageOutsideZeroToHundredIsRefused(int percent) {
        Implementation i = started();
        assertRefused(i, () -> i.reportProgress(percent, 0, 0, "note", MODERATOR, NOW), "monitoring.error.percent-range");
    }

    @Test
    void thePercentageGoesDownOnlyWithANote() {
        Implementation i = started();
        i.reportProgress(60, 0, 0, null, MODERATOR, NOW);
        assertRefused(i, () -> i.reportProgress(50, 0, 0, "  ", MODERATOR, NOW), "monitoring.error.percent-decrease-note");

        i.reportProgress(50, 0, 0, "Асфальт қайта төселеді", MODERATOR, NOW);

        assertThat(i.percentDone()).isEqualTo(50);
        assertThat(i.history().getLast().detail()).contains("Асфальт қайта төселеді");
    }

    @Test
    void negativeOrAbsurdMoneyIsRefused() {
        Implementation i = started();
        assertRefused(i, () -> i.reportProgress(10, -1, 0, null, MODERATOR, NOW), "monitoring.error.money-negative");
        assertRefused(i, () -> i.reportProgress(10, 100, -5, null, MODERATOR, NOW), "monitoring.error.money-negative");
        assertRefused(i, () -> i.reportProgress(10, Implementation.MAX_MONEY + 1, 0, "x", MODERATOR, NOW),
                "monitoring.error.money-too-large");
    }

    @Test
    void spendingAboveTheContractNeedsANoteThatStaysWhileItHolds() {
        Implementation i = started();
        assertRefused(i, () -> i.reportProgress(10, 1_000_000, 1_200_000, null, MODERATOR, NOW),
                "monitoring.error.overspend-note");

        i.reportProgress(10, 1_000_000, 1_200_000, "Қосымша жұмыстар", MODERATOR, NOW);
        assertThat(i.isOverspent()).isTrue();
        assertThat(i.moneyNote()).contains("Қосымша жұмыстар");

        // Only the percentage changes: the explained figures stand, no new note needed.
        i.reportProgress(20, 1_000_000, 1_200_000, null, MODERATOR, NOW);
        assertThat(i.moneyNote()).contains("Қосымша жұмыстар");
        // Spending grows further: explain again.
        assertRefused(i, () -> i.reportProgress(20, 1_000_000, 1_300_000, null, MODERATOR, NOW),
                "monitoring.error.overspend-note");
        // Back within the contract: the note goes.
        i.reportProgress(30, 2_000_000, 1_300_000, null, MODERATOR, NOW);
        assertThat(i.moneyNote()).isEmpty();
        assertThat(i.isOverspent()).isFalse();
    }

    @Test
    void contractingAboveTheAssessedCostNeedsANote() {
        Implementation i = started();
        assertRefused(i, () -> i.reportProgress(0, ASSESSED + 1, 0, null, MODERATOR, NOW),
                "monitoring.error.over-assessed-note");

        i.reportProgress(0, ASSESSED + 1, 0, "Құрылыс материалдары қымбаттады", MODERATOR, NOW);

        assertThat(i.isOverAssessed()).isTrue();
        assertThat(i.status()).isEqualTo(ImplementationStatus.IN_PROGRESS);
    }

    @Test
    void anUpdateThatChangesNothingIsRefused() {
        Implementation i = started();
        assertRefused(i, () -> i.reportProgress(0, 0, 0, null, MODERATOR, NOW), "monitoring.error.nothing-changed");
    }

    @Test
    void aTooLongNoteIsRefused() {
        Implementation i = started();
        assertRefused(i, () -> i.reportProgress(5, 0, 0, "x".repeat(1001), MODERATOR, NOW),
                "monitoring.error.note-too-long");
    }

    // ---------------------------------------------------------------- completion

    @Test
    void completionNeedsAHundredPercentAndEveryMilestoneDone() {
        Implementation i = started();
        i.planMilestone("Іргетас", TODAY, MODERATOR, NOW);
        i.reportProgress(90, 7_000_000, 7_000_000, null, MODERATOR, NOW);
        assertRefused(i, () -> i.complete(null, TODAY, MODERATOR, NOW), "monitoring.error.complete-percent");
        i.reportProgress(100, 7_000_000, 7_000_000, null, MODERATOR, NOW);
        assertRefused(i, () -> i.complete(null, TODAY, MODERATOR, NOW), "monitoring.error.complete-milestones");
        i.completeMilestone(1, null, TODAY, MODERATOR, NOW);
        assertRefused(i, () -> i.complete(TODAY.plusDays(1), TODAY, MODERATOR, NOW), "monitoring.error.done-in-future");

        i.complete(null, TODAY, MODERATOR, NOW);

        assertThat(i.status()).isEqualTo(ImplementationStatus.COMPLETED);
        assertThat(i.completedOn()).contains(TODAY);
        assertThat(i.dueDate()).isEmpty();
        assertThat(i.isOverdue(COMPLETION.plusYears(1))).isFalse();
    }

    @Test
    void aCompletedProjectTakesPhotosButNoOtherChange() {
        Implementation i = started();
        i.reportProgress(100, 0, 0, null, MODERATOR, NOW);
        i.complete(null, TODAY, MODERATOR, NOW);

        assertRefused(i, () -> i.reportProgress(100, 5, 0, null, MODERATOR, NOW), "monitoring.error.completed");
        assertRefused(i, () -> i.planMilestone("Тағы", TODAY, MODERATOR, NOW), "monitoring.error.completed");
        assertRefused(i, () -> i.reschedule(TODAY, "себеп", MODERATOR, NOW), "monitoring.error.completed");

        i.photoAdded("Ашылу салтанаты", MODERATOR, NOW);
        assertThat(i.history().getLast().kind()).isEqualTo(UpdateKind.PHOTO);
        assertThat(i.history().getLast().detail()).contains("Ашылу салтанаты");
    }

    // ---------------------------------------------------------------- overdue

    @Test
    void overdueWhenAnOpenMilestoneOrTheCompletionIsPastItsDate() {
        Implementation i = started();
        assertThat(i.isOverdue(COMPLETION)).isFalse();
        assertThat(i.isOverdue(COMPLETION.plusDays(1))).isTrue();

        i.planMilestone("Іргетас", TODAY.plusDays(3), MODERATOR, NOW);
        assertThat(i.dueDate()).contains(TODAY.plusDays(3));
        assertThat(i.isOverdue(TODAY.plusDays(3))).isFalse();
        assertThat(i.isOverdue(TODAY.plusDays(4))).isTrue();
        assertThat(i.milestone(1).orElseThrow().isOverdue(TODAY.plusDays(4))).isTrue();

        i.completeMilestone(1, null, TODAY, MODERATOR, NOW);
        assertThat(i.isOverdue(TODAY.plusDays(4))).isFalse();
    }

    @Test
    void reschedulingNeedsAReasonAndMovesTheDueDate() {
        Implementation i = started();
        assertRefused(i, () -> i.reschedule(COMPLETION.plusMonths(2), " ", MODERATOR, NOW), "monitoring.error.note-blank");
        assertRefused(i, () -> i.reschedule(null, "себеп", MODERATOR, NOW), "monitoring.error.planned-completion");

        i.reschedule(COMPLETION.plusMonths(2), "Мердігер ауыстырылды", MODERATOR, NOW);

        assertThat(i.plannedCompletion()).isEqualTo(COMPLETION.plusMonths(2));
        assertThat(i.isOverdue(COMPLETION.plusDays(1))).isFalse();
        assertThat(i.history().getLast().kind()).isEqualTo(UpdateKind.RESCHEDULED);
    }

    // ---------------------------------------------------------------- photos

    @Test
    void captionsAreCleanedTextAndMarkupStaysTextForTheEscapingPage() {
        assertThat(Implementation.cleanCaption(" <img src=x onerror=alert(1)>\u202e ")).isEqualTo("<img src=x onerror=alert(1)>");
        assertThatThrownBy(() -> Implementation.cleanCaption("\u200b")).hasMessage("monitoring.error.caption-blank");
        assertThatThrownBy(() -> Implementation.cleanCaption("я".repeat(301))).hasMessage("monitoring.error.caption-too-long");
    }

    @Test
    void theHistoryIsAppendOnly() {
        Implementation i = started();
        List<ImplementationUpdate> history = i.history();
        assertThatThrownBy(() -> history.add(null)).isInstanceOf(UnsupportedOperationException.class);
    }
}
