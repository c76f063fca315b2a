package kz.qatysu.registry.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import kz.qatysu.registry.domain.AllocationNotice;
import kz.qatysu.registry.domain.AllocationNoticeJson;
import kz.qatysu.registry.domain.RegistryTarget;

/**
 * The registry outbox: messages are written in the transaction that produced what they report (so a result is never
 * stored without its publication, nor published without being stored) and delivered later by the relay. One message
 * per configured target; its idempotency key names kind, round, version and target, so enqueueing twice stores one.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private RegistryTargets targets;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(AllocationNotice notice, Instant now) {
        byte[] body = AllocationNoticeJson.toJson(notice);
        String digest = sha256(body);
        for (RegistryTarget target : targets.all()) {
            String key = "qatysu." + notice.messageKind() + "." + notice.roundId() + ".v" + notice.version() + "."
                    + target.name();
            em.createNativeQuery("insert into registry_message (idempotency_key, target, kind, round_id, version, "
                            + "body, body_sha256, status, next_attempt_at, created_at) "
                            + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'PENDING', ?8, ?8) "
                            + "on conflict (idempotency_key) do nothing")
                    .setParameter(1, key).setParameter(2, target.name()).setParameter(3, notice.messageKind())
                    .setParameter(4, notice.roundId()).setParameter(5, notice.version()).setParameter(6, body)
                    .setParameter(7, digest).setParameter(8, Timestamp.from(now)).executeUpdate();
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
