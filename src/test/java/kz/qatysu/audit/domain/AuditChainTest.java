package kz.qatysu.audit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kz.qatysu.platform.domain.Actor;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final Instant T0 = Instant.parse("2026-04-01T04:00:00Z");

    private static List<AuditEntry> chain(int length) {
        List<AuditEntry> entries = new ArrayList<>();
        AuditEntry previous = null;
        for (int i = 0; i < length; i++) {
            previous = AuditEntry.append(previous, Actor.staff("moderator.bostandyk"), "proposal.accept", "Proposal",
                    Integer.toString(100 + i), "{\"status\":\"UNDER_MODERATION\"}", "{\"status\":\"ACCEPTED\"}",
                    T0.plusSeconds(i));
            entries.add(previous);
        }
        return entries;
    }

    /** Changes a stored field the way someone with database access would. */
    private static void tamper(AuditEntry entry, String field, Object value) throws ReflectiveOperationException {
        Field f = AuditEntry.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(entry, value);
    }

    @Test
    void linksEachEntryToThePreviousOne() {
        List<AuditEntry> entries = chain(3);

        assertThat(entries.get(0).sequence()).isEqualTo(1);
        assertThat(entries.get(0).previousHash()).isEqualTo(AuditEntry.GENESIS_HASH);
        assertThat(entries.get(1).previousHash()).isEqualTo(entries.get(0).hash());
        assertThat(entries.get(2).sequence()).isEqualTo(3);
        assertThat(entries).extracting(AuditEntry::hash).doesNotHaveDuplicates()
                .allSatisfy(h -> assertThat(h).matches("[0-9a-f]{64}"));
    }

    @Test
    void verifiesAnIntactChainAndAnEmptyOne() {
        assertThat(AuditChain.verify(chain(10)).ok()).isTrue();
        assertThat(AuditChain.verify(List.of()).ok()).isTrue();
    }

    @Test
    void givesTheSameHashForTheSameFactsAndAnotherForOtherFacts() {
        AuditEntry a = AuditEntry.append(null, Actor.staff("x"), "round.phase", "BudgetRound", "1", null, "{}", T0);
        AuditEntry b = AuditEntry.append(null, Actor.staff("x"), "round.phase", "BudgetRound", "1", null, "{}", T0);
        AuditEntry c = AuditEntry.append(null, Actor.staff("x"), "round.phase", "BudgetRound", "2", null, "{}", T0);
        AuditEntry d = AuditEntry.append(null, Actor.staff("x"), "round.phase", "BudgetRound", "1", null, "{}",
                T0.plusNanos(1_000));

        assertThat(a.hash()).isEqualTo(b.hash());
        assertThat(c.hash()).isNotEqualTo(a.hash());
        assertThat(d.hash()).isNotEqualTo(a.hash());
    }

    @Test
    void keepsTheTimeToTheMicrosecondAsTheDatabaseStoresIt() {
        AuditEntry e = AuditEntry.append(null, Actor.staff("x"), "round.phase", "BudgetRound", "1", null, "{}",
                T0.plusNanos(123_456_789));

        assertThat(e.occurredAt()).isEqualTo(T0.plusNanos(123_456_000));
        assertThat(e.hash()).isEqualTo(AuditEntry.append(null, Actor.staff("x"), "round.phase", "BudgetRound", "1",
                null, "{}", T0.plusNanos(123_456_000)).hash());
    }

    @Test
    void detectsATamperedEntry() throws ReflectiveOperationException {
        List<AuditEntry> entries = chain(5);
        tamper(entries.get(2), "afterJson", "{\"status\":\"REJECTED\"}");

        assertThat(AuditChain.verify(entries).firstBrokenSequence()).hasValue(3);
    }

    @Test
    void detectsATamperedEntryWhoseHashWasRecomputed() throws ReflectiveOperationException {
        List<AuditEntry> entries = chain(5);
        tamper(entries.get(2), "actor", "staff:someone.else");
        tamper(entries.get(2), "hash", entries.get(2).computeHash());

        assertThat(AuditChain.verify(entries).firstBrokenSequence()).hasValue(4);
    }

    @Test
    void detectsARemovedEntry() {
        List<AuditEntry> entries = new ArrayList<>(chain(5));
        entries.remove(2);

        assertThat(AuditChain.verify(entries).firstBrokenSequence()).hasValue(3);
    }

    @Test
    void detectsARemovedFirstEntryAndAReordering() {
        List<AuditEntry> withoutFirst = new ArrayList<>(chain(4));
        withoutFirst.remove(0);
        List<AuditEntry> swapped = new ArrayList<>(chain(4));
        swapped.add(1, swapped.remove(2));

        assertThat(AuditChain.verify(withoutFirst).firstBrokenSequence()).hasValue(1);
        assertThat(AuditChain.verify(swapped).firstBrokenSequence()).hasValue(2);
    }

    @Test
    void verifiesAPageAfterAnAlreadyVerifiedAnchor() {
        List<AuditEntry> entries = chain(6);

        assertThat(AuditChain.verifyFrom(entries.get(2), entries.subList(3, 6)).ok()).isTrue();
        assertThat(AuditChain.verifyFrom(entries.get(1), entries.subList(3, 6)).firstBrokenSequence()).hasValue(3);
    }

    @Test
    void refusesCodesThatCouldBreakTheLog() {
        assertThatThrownBy(() -> AuditEntry.append(null, Actor.staff("x"), "a b", "T", "1", null, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditEntry.append(null, Actor.staff("x"), "a", "T", "", null, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
