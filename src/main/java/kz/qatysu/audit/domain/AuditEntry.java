package kz.qatysu.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.json.CanonicalJson;

/**
 * One entry of the append-only audit log: who did what to which entity, the state before and after (JSON text), and
 * when. Entries form a hash chain: each carries the hash of the one before it, and its own hash is the SHA-256 of a
 * canonical JSON serialisation of all its fields including that previous hash. The table refuses updates and
 * deletes.
 */
@Entity
@Table(name = "audit_entry")
@NamedQuery(name = "AuditEntry.findLast", query = "select a from AuditEntry a order by a.sequence desc")
@NamedQuery(name = "AuditEntry.findRange",
        query = "select a from AuditEntry a where a.sequence between :from and :to order by a.sequence")
@NamedQuery(name = "AuditEntry.findByEntity",
        query = "select a from AuditEntry a where a.entityType = :entityType and a.entityId = :entityId"
                + " order by a.sequence")
public class AuditEntry {

    /** The previous hash of the first entry. */
    public static final String GENESIS_HASH = "0".repeat(64);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,80}");

    @Id
    @Column(name = "sequence", updatable = false)
    private long sequence;

    @Column(name = "actor", nullable = false, length = Actor.MAX_LENGTH, updatable = false)
    private String actor;

    @Column(name = "action", nullable = false, length = 80, updatable = false)
    private String action;

    @Column(name = "entity_type", nullable = false, length = 80, updatable = false)
    private String entityType;

    @Column(name = "entity_id", nullable = false, length = 80, updatable = false)
    private String entityId;

    @Column(name = "before_json", updatable = false)
    private String beforeJson;

    @Column(name = "after_json", updatable = false)
    private String afterJson;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "previous_hash", nullable = false, length = 64, updatable = false)
    private String previousHash;

    @Column(name = "hash", nullable = false, length = 64, updatable = false)
    private String hash;

    protected AuditEntry() {
        // for JPA
    }

    /**
     * The entry after {@code previous} (or the first entry when {@code previous} is {@code null}).
     *
     * @param action     what happened, a stable code such as {@code proposal.accept} or {@code round.phase}
     * @param entityType e.g. {@code Proposal}
     * @param beforeJson state before as JSON text, {@code null} for a creation
     * @param afterJson  state after as JSON text, {@code null} for a removal
     */
    public static AuditEntry append(AuditEntry previous, Actor actor, String action, String entityType, String entityId,
                                    String beforeJson, String afterJson, Instant now) {
        AuditEntry e = new AuditEntry();
        e.sequence = previous == null ? 1 : previous.sequence + 1;
        e.previousHash = previous == null ? GENESIS_HASH : previous.hash;
        e.actor = Objects.requireNonNull(actor, "actor").stored();
        e.action = token(action, "action");
        e.entityType = token(entityType, "entityType");
        e.entityId = token(entityId, "entityId");
        e.beforeJson = beforeJson;
        e.afterJson = afterJson;
        // The hash covers the time as PostgreSQL keeps it (microseconds), or a stored entry could never be verified.
        e.occurredAt = Objects.requireNonNull(now, "now").truncatedTo(ChronoUnit.MICROS);
        e.hash = e.computeHash();
        return e;
    }

    private static String token(String value, String name) {
        if (value == null || !TOKEN.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " is 1..80 of A-Z a-z 0-9 . _ : -");
        }
        return value;
    }

    /** The text the hash is computed over: canonical JSON of every field but the hash itself. */
    public String canonicalText() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", sequence);
        m.put("actor", actor);
        m.put("action", action);
        m.put("entityType", entityType);
        m.put("entityId", entityId);
        m.put("before", beforeJson);
        m.put("after", afterJson);
        m.put("occurredAt", occurredAt.toString());
        m.put("previousHash", previousHash);
        return CanonicalJson.write(m);
    }

    /** The hash this entry should carry given its fields. */
    public String computeHash() {
        return CanonicalJson.sha256Hex(canonicalText());
    }

    public long sequence() {
        return sequence;
    }

    public Actor actor() {
        return Actor.parse(actor);
    }

    public String action() {
        return action;
    }

    public String entityType() {
        return entityType;
    }

    public String entityId() {
        return entityId;
    }

    public Optional<String> beforeJson() {
        return Optional.ofNullable(beforeJson);
    }

    public Optional<String> afterJson() {
        return Optional.ofNullable(afterJson);
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }
}
