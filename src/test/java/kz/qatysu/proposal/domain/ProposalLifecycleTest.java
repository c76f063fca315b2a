package kz.qatysu.proposal.domain;

import static kz.qatysu.proposal.domain.ProposalFixtures.AUTHOR;
import static kz.qatysu.proposal.domain.ProposalFixtures.AUTHOR_ID;
import static kz.qatysu.proposal.domain.ProposalFixtures.MODERATOR;
import static kz.qatysu.proposal.domain.ProposalFixtures.NOW;
import static kz.qatysu.proposal.domain.ProposalFixtures.SYSTEM;
import static kz.qatysu.proposal.domain.ProposalStatus.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.RoundFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ProposalLifecycleTest {

    @Test
    void allowsExactlyTheTransitionsOfTheLifecycle() {
        assertThat(DRAFT.next()).containsExactlyInAnyOrder(SUBMITTED, WITHDRAWN);
        assertThat(SUBMITTED.next()).containsExactlyInAnyOrder(SUPPORT_COLLECTION, UNDER_MODERATION, WITHDRAWN);
        assertThat(SUPPORT_COLLECTION.next()).containsExactlyInAnyOrder(UNDER_MODERATION, REJECTED, WITHDRAWN);
        assertThat(UNDER_MODERATION.next())
                .containsExactlyInAnyOrder(RETURNED_FOR_CHANGES, ACCEPTED, REJECTED, MERGED, WITHDRAWN);
        assertThat(RETURNED_FOR_CHANGES.next()).containsExactlyInAnyOrder(SUBMITTED, WITHDRAWN);
        assertThat(ACCEPTED.next()).containsExactly(UNDER_REVIEW);
        assertThat(UNDER_REVIEW.next()).containsExactlyInAnyOrder(FEASIBLE, INFEASIBLE);
        assertThat(FEASIBLE.next()).containsExactly(ON_BALLOT);
        assertThat(ON_BALLOT.next()).containsExactlyInAnyOrder(FUNDED, NOT_FUNDED);
        assertThat(EnumSet.of(REJECTED, MERGED, INFEASIBLE, FUNDED, NOT_FUNDED, WITHDRAWN))
                .allSatisfy(s -> assertThat(s.isFinal()).as(s.name()).isTrue());
    }

    static Stream<Arguments> legalTransitions() {
        List<Arguments> all = new ArrayList<>();
        for (ProposalStatus from : ProposalStatus.values()) {
            for (ProposalStatus to : from.next()) {
                all.add(Arguments.of(from, to));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("legalTransitions")
    void makesEveryLegalTransition(ProposalStatus from, ProposalStatus to) {
        Proposal p = ProposalFixtures.in(from);
        if (to == FUNDED || to == NOT_FUNDED) {
            RoundFixtures.advance(p.round(), Phase.COUNTING);
        }
        p.pullNotifications();

        if (from == SUPPORT_COLLECTION && to != WITHDRAWN) {
            p.closeSupportCollection(to == UNDER_MODERATION ? 30 : 29, SYSTEM, NOW);
        } else if (from == SUBMITTED && to == SUPPORT_COLLECTION) {
            Proposal inSupportRound = ProposalFixtures.draft(ProposalFixtures.openRound(true));
            inSupportRound.submit(AUTHOR, NOW);
            inSupportRound.openSupportCollection(SYSTEM, NOW);
            p = inSupportRound;
        } else {
            ProposalFixtures.attempt(p, to);
        }

        assertThat(p.status()).isEqualTo(to);
        assertThat(p.history().get(p.history().size() - 1).from()).contains(from);
        assertThat(p.history().get(p.history().size() - 1).to()).isEqualTo(to);
    }

    static Stream<Arguments> illegalTransitions() {
        List<Arguments> all = new ArrayList<>();
        for (ProposalStatus from : ProposalStatus.values()) {
            for (ProposalStatus to : ProposalStatus.values()) {
                if (to != DRAFT && !from.canMoveTo(to)) {
                    all.add(Arguments.of(from, to));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("illegalTransitions")
    void refusesEveryIllegalTransitionAndChangesNothing(ProposalStatus from, ProposalStatus to) {
        Proposal p = ProposalFixtures.in(from);
        int historySize = p.history().size();

        assertThatThrownBy(() -> ProposalFixtures.attempt(p, to))
                .isInstanceOf(IllegalProposalTransition.class)
                .hasMessage("proposal.error.illegal-transition")
                .satisfies(e -> {
                    assertThat(((IllegalProposalTransition) e).from()).isEqualTo(from);
                    assertThat(((IllegalProposalTransition) e).to()).isEqualTo(to);
                });
        assertThat(p.status()).isEqualTo(from);
        assertThat(p.history()).hasSize(historySize);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "DRAFT, ACCEPTED", "DRAFT, ON_BALLOT", "SUBMITTED, ACCEPTED", "SUBMITTED, FEASIBLE",
            "RETURNED_FOR_CHANGES, ACCEPTED", "ACCEPTED, WITHDRAWN", "ACCEPTED, REJECTED", "UNDER_REVIEW, ON_BALLOT",
            "FEASIBLE, INFEASIBLE", "FEASIBLE, WITHDRAWN", "INFEASIBLE, ON_BALLOT", "ON_BALLOT, WITHDRAWN",
            "REJECTED, ACCEPTED", "REJECTED, SUBMITTED", "MERGED, ACCEPTED", "WITHDRAWN, SUBMITTED",
            "FUNDED, NOT_FUNDED", "NOT_FUNDED, FUNDED"})
    void refusesTheNotableShortcuts(ProposalStatus from, ProposalStatus to) {
        Proposal p = ProposalFixtures.in(from);

        assertThatThrownBy(() -> ProposalFixtures.attempt(p, to)).isInstanceOf(IllegalProposalTransition.class);
    }

    // ---------------------------------------------------------------- withdrawal

    @ParameterizedTest
    @EnumSource(names = {"DRAFT", "SUBMITTED", "SUPPORT_COLLECTION", "UNDER_MODERATION", "RETURNED_FOR_CHANGES"})
    void letsTheAuthorWithdrawUntilModerationEnds(ProposalStatus from) {
        Proposal p = ProposalFixtures.in(from);

        p.withdraw(AUTHOR, NOW);

        assertThat(p.status()).isEqualTo(WITHDRAWN);
    }

    @ParameterizedTest
    @EnumSource(names = {"ACCEPTED", "UNDER_REVIEW", "FEASIBLE", "ON_BALLOT", "REJECTED", "MERGED"})
    void refusesWithdrawalOnceModerationHasEnded(ProposalStatus from) {
        Proposal p = ProposalFixtures.in(from);

        assertThatThrownBy(() -> p.withdraw(AUTHOR, NOW)).isInstanceOf(IllegalProposalTransition.class);
    }

    @Test
    void refusesWithdrawalByAnyoneButTheAuthor() {
        Proposal p = ProposalFixtures.in(SUBMITTED);

        assertThatThrownBy(() -> p.withdraw(Actor.citizen(43), NOW)).hasMessage("proposal.error.not-proposer");
        assertThatThrownBy(() -> p.withdraw(MODERATOR, NOW)).hasMessage("proposal.error.not-proposer");
        assertThat(p.status()).isEqualTo(SUBMITTED);
    }

    @Test
    void letsStaffWithdrawAMeetingsProposal() {
        Proposal p = Proposal.draft(ProposalFixtures.openRound(false), Proposer.meeting(7),
                RoundFixtures.INSIDE_BOSTANDYK, ProposalFixtures.content(), MODERATOR, NOW);

        p.withdraw(MODERATOR, NOW);

        assertThat(p.status()).isEqualTo(WITHDRAWN);
        assertThat(p.pullNotifications()).isEmpty();
    }

    // ---------------------------------------------------------------- who and when

    @Test
    void refusesADraftForARoundWhereTheProposerDoesNotLive() {
        BudgetRound round = ProposalFixtures.openRound(false);

        assertThatThrownBy(() -> Proposal.draft(round, Proposer.citizen(AUTHOR_ID), RoundFixtures.ESIL,
                ProposalFixtures.content(), AUTHOR, NOW)).hasMessage("round.error.not-resident");
    }

    @Test
    void refusesADraftInSomeoneElsesName() {
        assertThatThrownBy(() -> Proposal.draft(ProposalFixtures.openRound(false), Proposer.citizen(AUTHOR_ID),
                RoundFixtures.INSIDE_BOSTANDYK, ProposalFixtures.content(), Actor.citizen(99), NOW))
                .hasMessage("proposal.error.not-proposer");
    }

    @Test
    void refusesSubmissionOutsideTheSubmissionPhase() {
        BudgetRound round = RoundFixtures.roundWithRules(false);
        Proposal p = ProposalFixtures.draft(round);

        assertThatThrownBy(() -> p.submit(AUTHOR, NOW)).hasMessage("proposal.error.submission-closed");

        RoundFixtures.advance(round, Phase.MODERATION_AND_REVIEW);
        assertThatThrownBy(() -> p.submit(AUTHOR, NOW)).hasMessage("proposal.error.submission-closed");
        assertThatThrownBy(() -> ProposalFixtures.draft(round)).hasMessage("proposal.error.round-not-accepting");
        assertThat(p.status()).isEqualTo(DRAFT);
    }

    @Test
    void letsAReturnedProposalBeEditedAndResubmittedDuringModeration() {
        Proposal p = ProposalFixtures.in(RETURNED_FOR_CHANGES);
        RoundFixtures.advance(p.round(), Phase.MODERATION_AND_REVIEW);

        p.edit(ProposalFixtures.content(CostEstimate.of(java.util.List.of(new CostLine("Орындық", 10, 150_000)))),
                AUTHOR, NOW);
        p.submit(AUTHOR, NOW);
        p.startModeration(MODERATOR, NOW);

        assertThat(p.status()).isEqualTo(UNDER_MODERATION);
        assertThat(p.estimatedCost()).isEqualTo(1_500_000L);
    }

    @ParameterizedTest
    @EnumSource(names = {"SUBMITTED", "UNDER_MODERATION", "ACCEPTED", "FEASIBLE"})
    void refusesEditsOutsideDraftAndReturnedForChanges(ProposalStatus from) {
        Proposal p = ProposalFixtures.in(from);

        assertThatThrownBy(() -> p.edit(ProposalFixtures.content(), AUTHOR, NOW))
                .hasMessage("proposal.error.not-editable");
    }

    @Test
    void refusesModerationActionsByCitizens() {
        Proposal p = ProposalFixtures.in(UNDER_MODERATION);

        assertThatThrownBy(() -> p.accept(AUTHOR, NOW)).hasMessage("proposal.error.staff-only");
        assertThatThrownBy(() -> p.reject(RejectionReason.OTHER, null, AUTHOR, NOW))
                .hasMessage("proposal.error.staff-only");
        assertThat(p.status()).isEqualTo(UNDER_MODERATION);
    }

    @Test
    void needsACommentToReturnForChanges() {
        Proposal p = ProposalFixtures.in(UNDER_MODERATION);

        assertThatThrownBy(() -> p.returnForChanges("  \u200B ", MODERATOR, NOW))
                .hasMessage("proposal.error.comment-blank");
        assertThat(p.status()).isEqualTo(UNDER_MODERATION);
    }

    // ---------------------------------------------------------------- support

    @Test
    void sendsASupportedProposalToModerationAndRejectsOneBelowTheThreshold() {
        Proposal supported = ProposalFixtures.in(SUPPORT_COLLECTION);
        Proposal unsupported = ProposalFixtures.in(SUPPORT_COLLECTION);

        supported.closeSupportCollection(30, SYSTEM, NOW);
        unsupported.closeSupportCollection(29, SYSTEM, NOW);

        assertThat(supported.status()).isEqualTo(UNDER_MODERATION);
        assertThat(unsupported.status()).isEqualTo(REJECTED);
        assertThat(unsupported.rejectionReason()).contains(RejectionReason.INSUFFICIENT_SUPPORT);
    }

    @Test
    void refusesModerationBeforeSupportIsCollectedInARoundThatCollectsIt() {
        Proposal p = ProposalFixtures.draft(ProposalFixtures.openRound(true));
        p.submit(AUTHOR, NOW);

        assertThatThrownBy(() -> p.startModeration(MODERATOR, NOW)).hasMessage("proposal.error.support-pending");
        p.openSupportCollection(SYSTEM, NOW);
        assertThatThrownBy(() -> p.startModeration(MODERATOR, NOW)).hasMessage("proposal.error.support-pending");
        assertThat(p.status()).isEqualTo(SUPPORT_COLLECTION);
    }

    @Test
    void refusesSupportCollectionInARoundWithoutIt() {
        Proposal p = ProposalFixtures.in(SUBMITTED);

        assertThatThrownBy(() -> p.openSupportCollection(SYSTEM, NOW))
                .hasMessage("proposal.error.round-without-support");
    }

    // ---------------------------------------------------------------- merge, review, ballot

    @Test
    void mergesOnlyIntoAnotherLiveProposalOfTheSameRound() {
        Proposal p = ProposalFixtures.in(UNDER_MODERATION);
        Proposal otherRound = ProposalFixtures.in(ACCEPTED);
        Proposal withdrawn = ProposalFixtures.draft(p.round());
        withdrawn.withdraw(AUTHOR, NOW);

        assertThatThrownBy(() -> p.mergeInto(p, null, MODERATOR, NOW)).hasMessage("proposal.error.merge-target");
        assertThatThrownBy(() -> p.mergeInto(otherRound, null, MODERATOR, NOW))
                .hasMessage("proposal.error.merge-target");
        assertThatThrownBy(() -> p.mergeInto(withdrawn, null, MODERATOR, NOW))
                .hasMessage("proposal.error.merge-target");
        assertThat(p.status()).isEqualTo(UNDER_MODERATION);
        assertThat(p.mergedInto()).isEmpty();
    }

    @Test
    void recordsTheAssessedCostOnlyWithinTheRoundsLimit() {
        Proposal p = ProposalFixtures.in(UNDER_REVIEW);

        assertThatThrownBy(() -> p.markFeasible(0, null, MODERATOR, NOW)).hasMessage("proposal.error.assessed-cost");
        assertThatThrownBy(() -> p.markFeasible(50_000_001L, null, MODERATOR, NOW))
                .hasMessage("proposal.error.assessed-cost-over-cap");
        p.markFeasible(50_000_000L, "Смета тексерілді", MODERATOR, NOW);

        assertThat(p.assessedCost()).contains(50_000_000L);
        assertThat(p.history().get(p.history().size() - 1).comment()).contains("Смета тексерілді");
    }

    @Test
    void refusesToPlaceOnTheBallotOnceVotingHasOpened() {
        Proposal p = ProposalFixtures.in(FEASIBLE);
        RoundFixtures.advance(p.round(), Phase.VOTING);

        assertThatThrownBy(() -> p.placeOnBallot(SYSTEM, NOW)).hasMessage("proposal.error.ballot-closed");
    }

    @Test
    void refusesAResultBeforeCounting() {
        Proposal p = ProposalFixtures.in(ON_BALLOT);

        assertThatThrownBy(() -> p.recordResult(true, SYSTEM, NOW)).hasMessage("proposal.error.result-too-early");
    }

    // ---------------------------------------------------------------- history and notifications

    @Test
    void keepsTheHistoryAndNotifiesTheAuthorOfEveryChange() {
        Proposal p = ProposalFixtures.draft(ProposalFixtures.openRound(false));
        p.submit(AUTHOR, NOW);
        p.startModeration(MODERATOR, NOW);
        p.returnForChanges("Мекенжайды нақтылаңыз", MODERATOR, NOW.plusSeconds(60));

        assertThat(p.history()).extracting(StatusChange::to)
                .containsExactly(DRAFT, SUBMITTED, UNDER_MODERATION, RETURNED_FOR_CHANGES);
        assertThat(p.history().get(0).from()).isEmpty();
        assertThat(p.history().get(3).actor()).isEqualTo(MODERATOR);
        assertThat(p.history().get(3).at()).isEqualTo(NOW.plusSeconds(60));

        List<Notification> notes = p.pullNotifications();
        assertThat(notes).extracting(Notification::messageKey).containsExactly(
                "proposal.notification.submitted", "proposal.notification.under-moderation",
                "proposal.notification.returned-for-changes");
        assertThat(notes).allSatisfy(n -> assertThat(n.recipientCitizenId()).isEqualTo(AUTHOR_ID));
        assertThat(notes.get(2).comment()).isEqualTo("Мекенжайды нақтылаңыз");
        assertThat(p.pullNotifications()).isEmpty();
    }

    @Test
    void copiesTheTerritoryOfTheRoundForScopeChecks() {
        Proposal p = ProposalFixtures.in(UNDER_MODERATION);

        assertThat(p.territory()).isEqualTo(RoundFixtures.BOSTANDYK);
        assertThat(p.proposer().citizenId()).contains(AUTHOR_ID);
        assertThat(p.coProposers()).containsExactly(Bin.parse("940140000385"));
    }
}
