package kz.qatysu.voting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.PhaseChanged;
import kz.qatysu.voting.domain.MerkleTree;
import kz.qatysu.voting.domain.Receipt;

/**
 * The public record of which receipts were counted. When a round leaves the voting phase (in the transaction that
 * closes it, holding the round's row, so no cast can slip in), the hashes of the counted receipts are sorted, their
 * RFC 6962 Merkle root computed and published. A voter then checks their receipt code: counted (with its audit
 * path), superseded by a later ballot of theirs, or unknown.
 */
@ApplicationScoped
public class ReceiptLedger {

    private static final Logger LOGGER = Logger.getLogger(ReceiptLedger.class.getName());

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private Clock clock;

    void onPhaseChanged(@Observes PhaseChanged change) {
        if (change.from() == Phase.VOTING) {
            publish(change.roundId());
        }
    }

    /** Publishes the counted receipts of a closed round; a second call leaves the first publication as it is. */
    public ReceiptPublication publish(long roundId) {
        Optional<ReceiptPublication> existing = publication(roundId);
        if (existing.isPresent()) {
            return existing.get();
        }
        List<String> counted = countedHashes(roundId);
        int superseded = ((Number) em.createNativeQuery("select count(*) from ballot where round_id = ?1 "
                + "and superseded_at is not null").setParameter(1, roundId).getSingleResult()).intValue();
        String root = MerkleTree.root(counted);
        Instant now = clock.instant();
        em.createNativeQuery("insert into receipt_publication (round_id, counted, superseded, merkle_root, published_at) "
                        + "values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, roundId).setParameter(2, counted.size()).setParameter(3, superseded)
                .setParameter(4, root).setParameter(5, Timestamp.from(now)).executeUpdate();
        LOGGER.log(Level.INFO, "Round {0}: {1} counted receipts published, Merkle root {2}",
                new Object[]{roundId, counted.size(), root});
        return new ReceiptPublication(roundId, counted.size(), superseded, root, now);
    }

    public Optional<ReceiptPublication> publication(long roundId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select counted, superseded, merkle_root, published_at "
                + "from receipt_publication where round_id = ?1").setParameter(1, roundId).getResultList();
        return rows.stream().findFirst().map(r -> new ReceiptPublication(roundId, ((Number) r[0]).intValue(),
                ((Number) r[1]).intValue(), ((String) r[2]).strip(), instant(r[3])));
    }

    /** The published list: hashes of the counted receipts in ascending order (the Merkle tree's leaf order). */
    @SuppressWarnings("unchecked")
    public List<String> countedHashes(long roundId) {
        List<Object> rows = em.createNativeQuery("select receipt_hash from ballot where round_id = ?1 "
                + "and superseded_at is null order by receipt_hash").setParameter(1, roundId).getResultList();
        return rows.stream().map(o -> ((String) o).strip()).toList();
    }

    /**
     * @throws DomainRuleViolation {@code receipt.error.malformed} for anything but 64 hex digits,
     *                             {@code receipt.error.not-published} before the round's receipts are published
     */
    public ReceiptCheck check(long roundId, String receiptCode) {
        String code = receiptCode == null ? "" : receiptCode.strip().replace(" ", "").replace("-", "")
                .toLowerCase(java.util.Locale.ROOT);
        if (!code.matches("[0-9a-f]{64}")) {
            throw new DomainRuleViolation("receipt.error.malformed");
        }
        ReceiptPublication published = publication(roundId)
                .orElseThrow(() -> new DomainRuleViolation("receipt.error.not-published"));
        String hash = Receipt.publishedHashOf(code);
        @SuppressWarnings("unchecked")
        List<Object> state = em.createNativeQuery("select superseded_at is null from ballot "
                + "where round_id = ?1 and receipt_hash = ?2").setParameter(1, roundId).setParameter(2, hash)
                .getResultList();
        if (state.isEmpty()) {
            return new ReceiptCheck(ReceiptCheck.Status.UNKNOWN, hash, published.merkleRoot(), published.counted(),
                    null, List.of());
        }
        if (!Boolean.TRUE.equals(state.get(0))) {
            return new ReceiptCheck(ReceiptCheck.Status.SUPERSEDED, hash, published.merkleRoot(), published.counted(),
                    null, List.of());
        }
        List<String> leaves = countedHashes(roundId);
        int index = java.util.Collections.binarySearch(leaves, hash);
        return new ReceiptCheck(ReceiptCheck.Status.COUNTED, hash, published.merkleRoot(), published.counted(),
                index, MerkleTree.path(leaves, index));
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }
}
