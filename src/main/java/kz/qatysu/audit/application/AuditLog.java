package kz.qatysu.audit.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import kz.qatysu.audit.domain.AuditChain;
import kz.qatysu.audit.domain.AuditEntry;
import kz.qatysu.platform.security.Roles;

/** The administrators' view of the audit log: browsing with filters, and verification of the whole hash chain. */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class AuditLog {

    /** Entries verified per database round trip. */
    static final int VERIFY_CHUNK = 2_000;

    public record EntryView(long sequence, String actor, String action, String entityType, String entityId,
                            String beforeJson, String afterJson, Instant occurredAt, String previousHash, String hash) {
    }

    public record EntryPage(List<EntryView> items, long total) {
    }

    /** Filters, each optional: exact entity type/id, actor prefix, action prefix. */
    public record Filter(String entityType, String entityId, String actor, String action) {
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    /** Result of a full check: how many entries, the tail hash, and the first broken sequence if any. */
    public record ChainCheck(long entries, String lastHash, Long firstBrokenSequence, Instant checkedAt) {
        public boolean intact() {
            return firstBrokenSequence == null;
        }
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;

    /** Newest first. */
    public EntryPage page(Filter filter, int first, int size) {
        Map<String, String> parameters = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        condition(where, parameters, "a.entityType = :entityType", "entityType", blankToNull(filter.entityType()));
        condition(where, parameters, "a.entityId = :entityId", "entityId", blankToNull(filter.entityId()));
        condition(where, parameters, "a.actor like :actor", "actor", prefix(filter.actor()));
        condition(where, parameters, "a.action like :action", "action", prefix(filter.action()));
        TypedQuery<AuditEntry> query = em.createQuery("select a from AuditEntry a" + where + " order by a.sequence desc",
                AuditEntry.class);
        TypedQuery<Long> count = em.createQuery("select count(a) from AuditEntry a" + where, Long.class);
        parameters.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<EntryView> items = query.setFirstResult(Math.max(0, first)).setMaxResults(Math.clamp(size, 1, 500))
                .getResultList().stream().map(AuditLog::view).toList();
        return new EntryPage(items, count.getSingleResult());
    }

    private static void condition(StringBuilder where, Map<String, String> parameters, String clause, String name,
                                  String value) {
        if (value != null) {
            where.append(" and ").append(clause);
            parameters.put(name, value);
        }
    }

    private static String prefix(String raw) {
        String value = blankToNull(raw);
        return value == null ? null : value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The entries about one object, oldest first. */
    public List<EntryView> history(String entityType, String entityId) {
        return em.createNamedQuery("AuditEntry.findByEntity", AuditEntry.class)
                .setParameter("entityType", entityType).setParameter("entityId", entityId)
                .getResultStream().map(AuditLog::view).toList();
    }

    /** Verifies the whole chain from the first entry, in chunks, without holding it all in memory. */
    public ChainCheck verify() {
        AuditEntry anchor = null;
        long count = 0;
        while (true) {
            long from = anchor == null ? 1 : anchor.sequence() + 1;
            List<AuditEntry> chunk = em.createQuery("select a from AuditEntry a where a.sequence >= :from"
                            + " order by a.sequence", AuditEntry.class)
                    .setParameter("from", from).setMaxResults(VERIFY_CHUNK).getResultList();
            if (chunk.isEmpty()) {
                return new ChainCheck(count, anchor == null ? AuditEntry.GENESIS_HASH : anchor.hash(), null, Instant.now());
            }
            AuditChain.Verification result = AuditChain.verifyFrom(anchor, chunk);
            if (!result.ok()) {
                return new ChainCheck(count, null, result.firstBrokenSequence().getAsLong(), Instant.now());
            }
            count += chunk.size();
            anchor = chunk.get(chunk.size() - 1);
            em.clear();
        }
    }

    private static EntryView view(AuditEntry e) {
        return new EntryView(e.sequence(), e.actor().stored(), e.action(), e.entityType(), e.entityId(),
                e.beforeJson().orElse(null), e.afterJson().orElse(null), e.occurredAt(), e.previousHash(), e.hash());
    }
}
