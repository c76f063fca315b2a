package kz.qatysu.voting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import kz.qatysu.citizen.domain.PersonName;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.territory.domain.KatoCode;
import org.junit.jupiter.api.Test;

/** Double entry of paper ballots: nothing settles until two different people enter the same thing. */
class PaperBallotTest {

    private static final Actor ALIYA = Actor.staff("aliya");
    private static final Actor BOLAT = Actor.staff("bolat");
    private static final Actor DANA = Actor.staff("dana");
    private static final Instant AT = Instant.parse("2026-05-10T06:00:00Z");
    private static final PaperSerial SERIAL = PaperSerial.parse("ab-0012");
    private static final String DOCUMENT = new PaperDocument(new PersonName("Ахметов", "Нұрлан", null),
            KatoCode.of("751410000")).digest();
    private static final BallotChoice PARKS = BallotChoice.approve(List.of(11L, 12L));
    private static final BallotChoice ROADS = BallotChoice.approve(List.of(13L));

    private static PaperBallotEntry entry(long voter, BallotChoice choice, Actor by) {
        return PaperBallotEntry.of(voter, DOCUMENT, choice, by, AT);
    }

    private static PaperBallot pending() {
        return PaperBallot.firstEntry(7L, SERIAL, entry(1L, PARKS, ALIYA));
    }

    @Test
    void aFirstEntryIsPendingAndNamesItsVoter() {
        PaperBallot ballot = pending();

        assertThat(ballot.status()).isEqualTo(PaperBallotStatus.PENDING);
        assertThat(ballot.citizenId()).isEqualTo(1L);
        assertThat(ballot.serial().value()).isEqualTo("AB-0012");
        assertThat(ballot.entries()).extracting(PaperBallotEntry::ordinal).containsExactly(1);
    }

    @Test
    void aMatchingSecondEntryByAnotherPersonSettlesTheBallot() {
        PaperBallot ballot = pending();

        assertThat(ballot.addEntry(entry(1L, BallotChoice.approve(List.of(12L, 11L)), BOLAT))).contains(1L);
        ballot.confirm(BOLAT, AT);

        assertThat(ballot.status()).isEqualTo(PaperBallotStatus.CONFIRMED);
        assertThat(ballot.decidedBy()).contains(BOLAT);
        assertThat(ballot.entries()).allSatisfy(e -> assertThat(e.choice()).isEmpty());
        assertThat(ballot.entries()).extracting(e -> e.enteredBy()).containsExactly(ALIYA, BOLAT);
    }

    @Test
    void theSamePersonCannotConfirmTheirOwnEntry() {
        PaperBallot ballot = pending();

        assertThatThrownBy(() -> ballot.addEntry(entry(1L, PARKS, ALIYA)))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("paper.error.same-person");
        assertThat(ballot.entries()).hasSize(1);
        assertThat(ballot.status()).isEqualTo(PaperBallotStatus.PENDING);
    }

    @Test
    void aDifferentChoiceVoterOrDocumentIsAMismatchAndCountsNothing() {
        PaperBallot byChoice = pending();
        assertThat(byChoice.addEntry(entry(1L, ROADS, BOLAT))).isEmpty();
        assertThat(byChoice.status()).isEqualTo(PaperBallotStatus.MISMATCH);
        assertThatThrownBy(() -> byChoice.confirm(BOLAT, AT)).isInstanceOf(DomainRuleViolation.class);

        PaperBallot byVoter = pending();
        assertThat(byVoter.addEntry(entry(2L, PARKS, BOLAT))).isEmpty();
        assertThat(byVoter.status()).isEqualTo(PaperBallotStatus.MISMATCH);

        PaperBallot byDocument = pending();
        String otherAddress = new PaperDocument(new PersonName("Ахметов", "Нұрлан", null),
                KatoCode.of("751410010")).digest();
        assertThat(byDocument.addEntry(PaperBallotEntry.of(1L, otherAddress, PARKS, BOLAT, AT))).isEmpty();
        assertThat(byDocument.status()).isEqualTo(PaperBallotStatus.MISMATCH);
    }

    @Test
    void aReEntryAgreeingWithSomeoneElsesVersionSettlesAMismatch() {
        PaperBallot ballot = pending();
        ballot.addEntry(entry(1L, ROADS, BOLAT));

        // Dana reads the paper again and agrees with Aliya's version.
        assertThat(ballot.addEntry(entry(1L, PARKS, DANA))).contains(1L);
        ballot.confirm(DANA, AT);
        assertThat(ballot.status()).isEqualTo(PaperBallotStatus.CONFIRMED);
    }

    @Test
    void aReEntryOfOnesOwnVersionProvesNothing() {
        PaperBallot ballot = pending();
        ballot.addEntry(entry(1L, ROADS, BOLAT));

        assertThatThrownBy(() -> ballot.addEntry(entry(1L, ROADS, BOLAT)))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("paper.error.same-person");
        // Bolat sees his mistake and types Aliya's version: two different people now agree.
        assertThat(ballot.addEntry(entry(1L, PARKS, BOLAT))).contains(1L);
    }

    @Test
    void aFlaggedBallotKeepsItsChoiceUntilAModeratorDecides() {
        PaperBallot counted = pending();
        counted.addEntry(entry(1L, PARKS, BOLAT));
        counted.flag();

        assertThat(counted.status()).isEqualTo(PaperBallotStatus.FLAGGED);
        assertThat(counted.agreedChoice()).contains("11:1,12:1");
        assertThatThrownBy(() -> counted.addEntry(entry(1L, PARKS, DANA)))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("paper.error.decided");
        counted.confirm(DANA, AT);
        assertThat(counted.status()).isEqualTo(PaperBallotStatus.CONFIRMED);
        assertThat(counted.agreedChoice()).isEmpty();

        PaperBallot rejected = pending();
        rejected.addEntry(entry(1L, PARKS, BOLAT));
        rejected.flag();
        rejected.reject(DANA, AT);
        assertThat(rejected.status()).isEqualTo(PaperBallotStatus.REJECTED);
        assertThat(rejected.entries()).allSatisfy(e -> assertThat(e.choice()).isEmpty());
    }

    @Test
    void aRefusedOrRejectedBallotTakesNoMoreEntriesOrDecisions() {
        PaperBallot refused = pending();
        refused.addEntry(entry(1L, PARKS, BOLAT));
        refused.refuse(BOLAT, AT);
        assertThat(refused.status()).isEqualTo(PaperBallotStatus.REFUSED);
        assertThatThrownBy(() -> refused.addEntry(entry(1L, PARKS, DANA))).isInstanceOf(DomainRuleViolation.class);
        assertThatThrownBy(() -> refused.reject(DANA, AT)).isInstanceOf(DomainRuleViolation.class);

        PaperBallot unsettled = pending();
        assertThatThrownBy(unsettled::flag).isInstanceOf(DomainRuleViolation.class);
        assertThatThrownBy(() -> unsettled.confirm(BOLAT, AT)).isInstanceOf(DomainRuleViolation.class);
        unsettled.reject(BOLAT, AT);
        assertThat(unsettled.status()).isEqualTo(PaperBallotStatus.REJECTED);
    }

    @Test
    void serialsAreNormalisedAndCheckedForTheirForm() {
        assertThat(PaperSerial.parse("  kz-2026-000417 ").value()).isEqualTo("KZ-2026-000417");
        for (String bad : new String[]{null, "", " ", "-12", "AB 12", "АБ-12", "A".repeat(21), "12/3", "１２"}) {
            assertThatThrownBy(() -> PaperSerial.parse(bad)).as(String.valueOf(bad))
                    .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("paper.error.serial");
        }
    }

    @Test
    void documentDigestsIgnoreLetterCaseButNotTheAddress() {
        PaperDocument typed = new PaperDocument(new PersonName("АХМЕТОВ", "нұрлан", null), KatoCode.of("751410000"));
        PaperDocument same = new PaperDocument(new PersonName("Ахметов", "Нұрлан", null), KatoCode.of("751410000"));
        PaperDocument moved = new PaperDocument(new PersonName("Ахметов", "Нұрлан", null), KatoCode.of("751410010"));

        assertThat(typed.digest()).isEqualTo(same.digest()).matches("[0-9a-f]{64}");
        assertThat(moved.digest()).isNotEqualTo(same.digest());
    }

    @Test
    void theTypedNameMustBeThePersonsRegisteredName() {
        PaperDocument typed = new PaperDocument(new PersonName("ахметов", "нұрлан", null), KatoCode.of("751410000"));

        assertThat(typed.namesSamePersonAs(new PersonName("Ахметов", "Нұрлан", "Серікұлы"))).isTrue();
        assertThat(typed.namesSamePersonAs(new PersonName("Ахметова", "Нұрлан", null))).isFalse();
        assertThat(new PaperDocument(new PersonName("Ахметов", "Нұрлан", "Бекұлы"), KatoCode.of("751410000"))
                .namesSamePersonAs(new PersonName("Ахметов", "Нұрлан", "Серікұлы"))).isFalse();
    }

    @Test
    void statusesSayWhetherTheyStillWait() {
        assertThat(PaperBallotStatus.values()).filteredOn(PaperBallotStatus::isOpen)
                .containsExactly(PaperBallotStatus.PENDING, PaperBallotStatus.MISMATCH, PaperBallotStatus.FLAGGED);
        assertThat(Map.of(PaperBallotStatus.FLAGGED, PaperBallotStatus.FLAGGED.messageKey()))
                .containsValue("paper.status.flagged");
    }
}
