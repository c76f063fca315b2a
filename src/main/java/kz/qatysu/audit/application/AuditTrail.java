package kz.qatysu.audit.application;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;
import kz.qatysu.audit.domain.AuditEntry;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.json.CanonicalJson;

/**
 * Appends to the audit log inside the caller's transaction, so an entry exists exactly when the change it
 * describes was committed. Appends are serialised on a transaction-scoped advisory lock: the chain has one tail.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class AuditTrail {

    /** Advisory lock key of the audit chain's tail. */
    private static final long CHAIN_LOCK = 7_303_001L;

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private Clock clock;

    /**
     * Records one action.
     *
     * @param before state before as a flat map (canonical JSON is stored), {@code null} for a creation
     * @param after  state after, {@code null} for a removal
     */
    public AuditEntry record(Actor actor, String action, String entityType, Object entityId, Map<String, ?> before,
                             Map<String, ?> after) {
        em.flush();
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CHAIN_LOCK).getSingleResult();
        AuditEntry last = em.createNamedQuery("AuditEntry.findLast", AuditEntry.class)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
        AuditEntry entry = AuditEntry.append(last, actor, action, entityType, String.valueOf(entityId),
                before == null ? null : CanonicalJson.write(before),
                after == null ? null : CanonicalJson.write(after), clock.instant());
        em.persist(entry);
        return entry;
    }
}
