package kz.qatysu.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's rows, each change in a short transaction of its own: the relay never holds a transaction (or a row
 * lock) while it waits for a registry.
 */
@ApplicationScoped
public class OutboxStore {

    private static final String COLUMNS = "id, idempotency_key, target, kind, round_id, version, status, attempts, "
            + "next_attempt_at, created_at, delivered_at, last_detail";

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;

    /** Pending messages due by {@code now}, oldest round and version first. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<Long> due(Instant now, int limit) {
        List<Object> ids = em.createNativeQuery("select id from registry_message where status = 'PENDING' "
                        + "and next_attempt_at <= ?1 order by round_id, version, id limit ?2")
                .setParameter(1, Timestamp.from(now)).setParameter(2, limit).getResultList();
        return ids.stream().map(o -> ((Number) o).longValue()).toList();
    }

    /**
     * Claims a due message for delivery: empty when it is no longer pending; marked superseded (and empty) when a
     * newer version for the same target and round exists, so an older version never reaches a registry after a newer.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claimed> claim(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select m.status, m.idempotency_key, m.target, m.kind, m.round_id, "
                        + "m.version, m.body, exists (select 1 from registry_message n where n.target = m.target "
                        + "and n.kind = m.kind and n.round_id = m.round_id and n.version > m.version "
                        + "and n.status in ('PENDING', 'DELIVERED')) from registry_message m where m.id = ?1 for update")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty() || !"PENDING".equals(rows.get(0)[0])) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        if ((Boolean) r[7]) {
            em.createNativeQuery("update registry_message set status = 'SUPERSEDED', "
                    + "last_detail = 'A newer version for this round was published' where id = ?1")
                    .setParameter(1, id).executeUpdate();
            return Optional.empty();
        }
        return Optional.of(new Claimed(id, (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).longValue(),
                ((Number) r[5]).intValue(), (byte[]) r[6]));
    }

    /** A message taken for delivery. */
    public record Claimed(long id, String idempotencyKey, String target, String kind, long roundId, int version,
                          byte[] body) {
    }

    /** Records one attempt and its consequence for the message. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordAttempt(long id, String target, Delivery delivery, Instant at, Duration took,
                              int maxAttempts, Duration baseDelay, Duration maxDelay) {
        String detail = delivery.detail() == null ? null
                : delivery.detail().length() > 500 ? delivery.detail().substring(0, 500) : delivery.detail();
        em.createNativeQuery("insert into registry_delivery_attempt (message_id, attempted_at, target, result, "
                        + "http_status, response_digest, duration_ms, detail) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, id).setParameter(2, Timestamp.from(at)).setParameter(3, target)
                .setParameter(4, delivery.result().name()).setParameter(5, delivery.status())
                .setParameter(6, delivery.responseDigest()).setParameter(7, (int) Math.min(Integer.MAX_VALUE, took.toMillis()))
                .setParameter(8, detail).executeUpdate();
        switch (delivery.result()) {
            case DELIVERED -> em.createNativeQuery("update registry_message set status = 'DELIVERED', "
                            + "attempts = attempts + 1, delivered_at = ?2, last_detail = ?3 where id = ?1")
                    .setParameter(1, id).setParameter(2, Timestamp.from(at)).setParameter(3, detail).executeUpdate();
            case REJECTED -> em.createNativeQuery("update registry_message set status = 'DEAD', "
                            + "attempts = attempts + 1, last_detail = ?2 where id = ?1")
                    .setParameter(1, id).setParameter(2, detail).executeUpdate();
            case RETRY -> {
                int attempts = ((Number) em.createNativeQuery("select attempts from registry_message where id = ?1")
                        .setParameter(1, id).getSingleResult()).intValue() + 1;
                if (attempts >= maxAttempts) {
                    em.createNativeQuery("update registry_message set status = 'DEAD', attempts = ?2, "
                                    + "last_detail = ?3 where id = ?1")
                            .setParameter(1, id).setParameter(2, attempts)
                            .setParameter(3, "Gave up after " + attempts + " attempts: " + detail).executeUpdate();
                } else {
                    em.createNativeQuery("update registry_message set attempts = ?2, next_attempt_at = ?3, "
                                    + "last_detail = ?4 where id = ?1")
                            .setParameter(1, id).setParameter(2, attempts)
                            .setParameter(3, Timestamp.from(at.plus(backoff(attempts, baseDelay, maxDelay))))
                            .setParameter(4, detail).executeUpdate();
                }
            }
        }
    }

    /** The delay before attempt n+1 after n failed ones: base × 2^(n-1), at most the maximum. */
    static Duration backoff(int failedAttempts, Duration base, Duration max) {
        int shift = Math.min(30, Math.max(0, failedAttempts - 1));
        Duration d = base.multipliedBy(1L << shift);
        return d.compareTo(max) > 0 ? max : d;
    }

    /** A dead message goes back to pending, its attempt count reset (an operator's decision after fixing the cause). */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean requeue(long id, Instant now) {
        return em.createNativeQuery("update registry_message set status = 'PENDING', attempts = 0, "
                        + "next_attempt_at = ?2 where id = ?1 and status = 'DEAD'")
                .setParameter(1, id).setParameter(2, Timestamp.from(now)).executeUpdate() == 1;
    }

    /** The newest messages, optionally of one status only. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @SuppressWarnings("unchecked")
    public List<OutboxMessage> messages(String status, int limit) {
        var query = status == null
                ? em.createNativeQuery("select " + COLUMNS + " from registry_message order by id desc limit ?2")
                : em.createNativeQuery("select " + COLUMNS + " from registry_message where status = ?1 "
                        + "order by id desc limit ?2").setParameter(1, status);
        List<Object[]> rows = query.setParameter(2, limit).getResultList();
        return rows.stream().map(OutboxStore::message).toList();
    }

    /** Count of messages per status. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long count(String status) {
        return ((Number) em.createNativeQuery("select count(*) from registry_message where status = ?1")
                .setParameter(1, status).getSingleResult()).longValue();
    }

    private static OutboxMessage message(Object[] r) {
        return new OutboxMessage(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).longValue(), ((Number) r[5]).intValue(), (String) r[6], ((Number) r[7]).intValue(),
                instant(r[8]), instant(r[9]), instant(r[10]), (String) r[11]);
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalArgumentException("Not a time: " + value.getClass());
    }
}
