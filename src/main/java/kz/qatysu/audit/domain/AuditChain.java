package kz.qatysu.audit.domain;

import java.util.List;
import java.util.OptionalLong;

/** Verification of the audit log's hash chain. */
public final class AuditChain {

    private AuditChain() {
    }

    /** The outcome: the chain is intact, or the sequence number of the first entry that breaks it. */
    public record Verification(OptionalLong firstBrokenSequence) {

        public static final Verification OK = new Verification(OptionalLong.empty());

        public static Verification brokenAt(long sequence) {
            return new Verification(OptionalLong.of(sequence));
        }

        public boolean ok() {
            return firstBrokenSequence.isEmpty();
        }
    }

    /**
     * Verifies a whole log from its first entry, in sequence order: sequences are 1, 2, 3 … without gaps, each
     * entry's previous hash is the hash of the entry before (the genesis hash for the first), and each hash matches
     * the entry's fields. A tampered entry, a removed entry and a reordering are reported at the first entry where
     * the chain no longer holds. Removing entries from the end cannot be detected from the log alone: compare the
     * last hash with a published one.
     */
    public static Verification verify(List<AuditEntry> entries) {
        return verifyFrom(null, entries);
    }

    /**
     * Verifies a page of the log that continues after {@code anchor} (an entry already verified), or from the
     * beginning when {@code anchor} is {@code null}.
     */
    public static Verification verifyFrom(AuditEntry anchor, List<AuditEntry> entries) {
        long expectedSequence = anchor == null ? 1 : anchor.sequence() + 1;
        String expectedPrevious = anchor == null ? AuditEntry.GENESIS_HASH : anchor.hash();
        for (AuditEntry e : entries) {
            boolean intact = e.sequence() == expectedSequence
                    && expectedPrevious.equals(e.previousHash())
                    && e.computeHash().equals(e.hash());
            if (!intact) {
                return Verification.brokenAt(e.sequence() < expectedSequence ? e.sequence() : expectedSequence);
            }
            expectedSequence++;
            expectedPrevious = e.hash();
        }
        return Verification.OK;
    }
}
