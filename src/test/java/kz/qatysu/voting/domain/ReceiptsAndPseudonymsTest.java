package kz.qatysu.voting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReceiptsAndPseudonymsTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void aPseudonymIsStableWithinARoundAndUnrelatedAcrossRoundsAndVoters() {
        VoterPseudonym a = VoterPseudonym.of(KEY, 7, 42);

        assertThat(VoterPseudonym.of(KEY, 7, 42)).isEqualTo(a);
        assertThat(VoterPseudonym.of(KEY, 8, 42)).isNotEqualTo(a);
        assertThat(VoterPseudonym.of(KEY, 7, 43)).isNotEqualTo(a);
        assertThat(VoterPseudonym.of("fedcba9876543210fedcba9876543210".getBytes(), 7, 42)).isNotEqualTo(a);
        assertThat(a.value()).doesNotContain("42");
        assertThatThrownBy(() -> VoterPseudonym.of("short".getBytes(), 7, 42)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReceiptMatchesItsBallotOnlyAndTwoCastsOfTheSameBallotGetDifferentCodes() {
        SecureRandom random = new SecureRandom();
        BallotChoice choice = BallotChoice.approve(List.of(3L, 1L));
        Receipt first = Receipt.issue(5, choice, random);
        Receipt second = Receipt.issue(5, choice, random);

        assertThat(first.matches(5, BallotChoice.approve(List.of(1L, 3L)))).isTrue();
        assertThat(first.matches(5, BallotChoice.approve(List.of(1L)))).isFalse();
        assertThat(first.matches(6, choice)).isFalse();
        assertThat(second.code()).isNotEqualTo(first.code());
        assertThat(first.publishedHash()).isEqualTo(Receipt.publishedHashOf(first.code())).isNotEqualTo(first.code());
    }

    @Test
    void everyReceiptHasAnAuditPathToTheRootAndATamperedOneHasNot() {
        for (int size = 1; size <= 33; size++) {
            List<String> leaves = new ArrayList<>();
            IntStream.range(0, size).forEach(i -> leaves.add(Receipt.publishedHashOf("%064x".formatted(i))));
            String root = MerkleTree.root(leaves);
            for (int i = 0; i < size; i++) {
                List<String> path = MerkleTree.path(leaves, i);
                assertThat(MerkleTree.verify(leaves.get(i), i, size, path, root)).as(size + "/" + i).isTrue();
                assertThat(MerkleTree.verify(leaves.get((i + 1) % size), i, size, path, root))
                        .as("other leaf " + size + "/" + i).isEqualTo(size == 1);
            }
            if (size > 1) {
                List<String> changed = new ArrayList<>(leaves);
                changed.set(size / 2, Receipt.publishedHashOf("f".repeat(64)));
                assertThat(MerkleTree.root(changed)).isNotEqualTo(root);
            }
        }
    }

    @Test
    void theBallotOrderIsShuffledPerVoterButFixedForEach() {
        List<BallotOption> options = IntStream.rangeClosed(1, 12).mapToObj(i -> new BallotOption(i, 100)).toList();
        VoterPseudonym alice = VoterPseudonym.of(KEY, 1, 1);
        VoterPseudonym bob = VoterPseudonym.of(KEY, 1, 2);

        List<BallotOption> forAlice = BallotOrder.forVoter(alice, options);
        assertThat(BallotOrder.forVoter(alice, options.reversed())).isEqualTo(forAlice);
        assertThat(forAlice).containsExactlyInAnyOrderElementsOf(options);
        assertThat(BallotOrder.forVoter(bob, options)).isNotEqualTo(forAlice);
    }
}
