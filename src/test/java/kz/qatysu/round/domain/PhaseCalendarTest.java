package kz.qatysu.round.domain;

import static kz.qatysu.round.domain.RoundFixtures.ALMATY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import kz.qatysu.platform.domain.DomainRuleViolation;
import org.junit.jupiter.api.Test;

class PhaseCalendarTest {

    private static final Instant SUBMISSION = Instant.parse("2026-01-31T19:00:00Z"); // 1 Feb 00:00 in Almaty
    private static final Instant VOTING = Instant.parse("2026-04-30T19:00:00Z");

    @Test
    void convertsLocalStartsWithTheZoneAndKeepsTheZone() {
        PhaseCalendar calendar = RoundFixtures.calendar(false);

        assertThat(calendar.zone()).isEqualTo(ALMATY);
        assertThat(calendar.startOf(Phase.PROPOSAL_SUBMISSION)).contains(SUBMISSION);
        assertThat(calendar.localStartOf(Phase.VOTING).orElseThrow().toLocalDateTime())
                .isEqualTo(LocalDateTime.of(2026, 5, 1, 0, 0));
    }

    @Test
    void isInDraftingBeforeSubmissionStarts() {
        PhaseCalendar calendar = RoundFixtures.calendar(false);

        assertThat(calendar.phaseAt(Instant.parse("2020-01-01T00:00:00Z"))).isEqualTo(Phase.DRAFTING);
        assertThat(calendar.phaseAt(SUBMISSION.minusNanos(1))).isEqualTo(Phase.DRAFTING);
    }

    @Test
    void entersAPhaseExactlyAtItsStartAndLeavesItExactlyAtTheNext() {
        PhaseCalendar calendar = RoundFixtures.calendar(false);

        assertThat(calendar.phaseAt(SUBMISSION)).isEqualTo(Phase.PROPOSAL_SUBMISSION);
        assertThat(calendar.phaseAt(VOTING.minusNanos(1))).isEqualTo(Phase.MODERATION_AND_REVIEW);
        assertThat(calendar.phaseAt(VOTING)).isEqualTo(Phase.VOTING);
        assertThat(calendar.phaseAt(Instant.parse("2099-01-01T00:00:00Z"))).isEqualTo(Phase.IMPLEMENTATION);
    }

    @Test
    void followsLocalMidnightNotUtcMidnight() {
        PhaseCalendar calendar = RoundFixtures.calendar(false);

        // 30 April 23:59:59 in Almaty is 18:59:59 UTC; UTC midnight of 1 May is already 05:00 in Almaty.
        assertThat(calendar.phaseAt(Instant.parse("2026-04-30T18:59:59Z"))).isEqualTo(Phase.MODERATION_AND_REVIEW);
        assertThat(calendar.phaseAt(Instant.parse("2026-04-30T19:00:00Z"))).isEqualTo(Phase.VOTING);
        assertThat(calendar.phaseAt(Instant.parse("2026-05-01T00:00:00Z"))).isEqualTo(Phase.VOTING);
    }

    @Test
    void sameLocalDatesInAnotherZoneGiveOtherInstants() {
        Map<Phase, LocalDateTime> local = new EnumMap<>(Phase.class);
        PhaseCalendar almaty = RoundFixtures.calendar(false);
        for (Phase p : almaty.starts().keySet()) {
            local.put(p, almaty.localStartOf(p).orElseThrow().toLocalDateTime());
        }
        PhaseCalendar moscow = PhaseCalendar.ofLocal(ZoneId.of("Europe/Moscow"), local);

        assertThat(moscow.startOf(Phase.VOTING)).contains(Instant.parse("2026-04-30T21:00:00Z"));
        assertThat(moscow.phaseAt(VOTING)).isEqualTo(Phase.MODERATION_AND_REVIEW);
        assertThat(moscow).isNotEqualTo(almaty);
        assertThat(PhaseCalendar.ofLocal(ALMATY, local)).isEqualTo(almaty);
    }

    @Test
    void includesSupportCollectionOnlyWhenGiven() {
        assertThat(RoundFixtures.calendar(false).collectsSupport()).isFalse();
        assertThat(RoundFixtures.calendar(true).collectsSupport()).isTrue();
        assertThat(RoundFixtures.calendar(true).phaseAt(Instant.parse("2026-03-15T00:00:00Z")))
                .isEqualTo(Phase.SUPPORT_COLLECTION);
        assertThat(RoundFixtures.calendar(false).phaseAt(Instant.parse("2026-03-15T00:00:00Z")))
                .isEqualTo(Phase.PROPOSAL_SUBMISSION);
    }

    @Test
    void refusesStartsThatDoNotStrictlyIncrease() {
        Map<Phase, Instant> starts = new EnumMap<>(RoundFixtures.calendar(false).starts());
        starts.put(Phase.COUNTING, starts.get(Phase.VOTING));

        assertThatThrownBy(() -> PhaseCalendar.of(ALMATY, starts))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("round.error.calendar-order");

        starts.put(Phase.COUNTING, starts.get(Phase.VOTING).minus(Duration.ofDays(1)));
        assertThatThrownBy(() -> PhaseCalendar.of(ALMATY, starts)).hasMessage("round.error.calendar-order");
    }

    @Test
    void refusesAMissingPhaseOtherThanSupportCollection() {
        Map<Phase, Instant> starts = new EnumMap<>(RoundFixtures.calendar(false).starts());
        starts.remove(Phase.RESULTS_PUBLISHED);

        assertThatThrownBy(() -> PhaseCalendar.of(ALMATY, starts))
                .isInstanceOf(DomainRuleViolation.class).hasMessage("round.error.calendar-incomplete");
    }

    @Test
    void refusesAStartForDrafting() {
        Map<Phase, Instant> starts = new EnumMap<>(RoundFixtures.calendar(false).starts());
        starts.put(Phase.DRAFTING, Instant.EPOCH);

        assertThatThrownBy(() -> PhaseCalendar.of(ALMATY, starts)).hasMessage("round.error.calendar-drafting");
    }

    @Test
    void refusesAnUnknownStoredZone() {
        assertThatThrownBy(() -> PhaseCalendar.zone("Mars/Olympus")).hasMessage("round.error.calendar-zone");
    }
}
