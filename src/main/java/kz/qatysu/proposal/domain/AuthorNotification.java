package kz.qatysu.proposal.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A {@link Notification} as stored for the author's list in the cabinet; read once the author has seen it. */
@Entity
@Table(name = "notification")
@NamedQuery(name = "AuthorNotification.findByRecipient",
        query = "select n from AuthorNotification n where n.recipientId = :recipientId order by n.createdAt desc, n.id desc")
@NamedQuery(name = "AuthorNotification.countUnread",
        query = "select count(n) from AuthorNotification n where n.recipientId = :recipientId and n.readAt is null")
@NamedQuery(name = "AuthorNotification.markAllRead",
        query = "update AuthorNotification n set n.readAt = :now where n.recipientId = :recipientId and n.readAt is null")
public class AuthorNotification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "recipient_id", nullable = false, updatable = false)
    private long recipientId;

    @Column(name = "proposal_id", nullable = false, updatable = false)
    private long proposalId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", length = 30, updatable = false)
    private ProposalStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, length = 30, updatable = false)
    private ProposalStatus toStatus;

    @Column(name = "message_key", nullable = false, length = 120, updatable = false)
    private String messageKey;

    @Column(name = "comment", length = StatusChange.MAX_COMMENT_LENGTH, updatable = false)
    private String comment;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected AuthorNotification() {
        // for JPA
    }

    public static AuthorNotification of(Notification n) {
        AuthorNotification stored = new AuthorNotification();
        stored.recipientId = n.recipientCitizenId();
        stored.proposalId = Objects.requireNonNull(n.proposalId(), "the proposal is stored first");
        stored.fromStatus = n.from();
        stored.toStatus = n.to();
        stored.messageKey = n.messageKey();
        stored.comment = n.comment();
        stored.createdAt = n.at();
        return stored;
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now.isBefore(createdAt) ? createdAt : now;
        }
    }

    public Long getId() {
        return id;
    }

    public long recipientId() {
        return recipientId;
    }

    public long proposalId() {
        return proposalId;
    }

    public Optional<ProposalStatus> from() {
        return Optional.ofNullable(fromStatus);
    }

    public ProposalStatus to() {
        return toStatus;
    }

    public String messageKey() {
        return messageKey;
    }

    public Optional<String> comment() {
        return Optional.ofNullable(comment);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> readAt() {
        return Optional.ofNullable(readAt);
    }
}
