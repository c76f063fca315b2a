package kz.qatysu.proposal.attachment.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import kz.qatysu.platform.domain.Actor;

/**
 * A file attached to a proposal: an image or a PDF that passed the {@link ContentInspector}. The row holds the
 * display name, the detected type, size and SHA-256 of the stored bytes, and the key under which the file lies in the
 * attachment store, outside the web application.
 */
@Entity
@Table(name = "proposal_attachment")
@NamedQuery(name = "ProposalAttachment.findByProposal",
        query = "select a from ProposalAttachment a where a.proposalId = :proposalId order by a.uploadedAt, a.id")
@NamedQuery(name = "ProposalAttachment.countByProposal",
        query = "select count(a) from ProposalAttachment a where a.proposalId = :proposalId")
@NamedQuery(name = "ProposalAttachment.countByProposalAndSha256",
        query = "select count(a) from ProposalAttachment a where a.proposalId = :proposalId and a.sha256 = :sha256")
public class ProposalAttachment {

    /** Storage keys are 64 lower-case hex digits: nothing in them can reach outside the store's directory. */
    public static final Pattern STORAGE_KEY = Pattern.compile("[0-9a-f]{64}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "proposal_id", nullable = false, updatable = false)
    private long proposalId;

    @Column(name = "file_name", nullable = false, updatable = false, length = AttachmentName.MAX_LENGTH)
    private String fileName;

    @Column(name = "media_type", nullable = false, updatable = false, length = 40)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "storage_key", nullable = false, updatable = false, length = 64)
    private String storageKey;

    @Column(name = "uploaded_by", nullable = false, updatable = false, length = Actor.MAX_LENGTH)
    private String uploadedBy;

    @Column(name = "uploaded_at", nullable = false, updatable = false)
    private Instant uploadedAt;

    protected ProposalAttachment() {
        // for JPA
    }

    /**
     * A checked file for a proposal.
     *
     * @param fileName   the display name from {@link AttachmentName#display}
     * @param inspection what the inspector found and stored
     * @param storageKey where the store keeps the bytes
     */
    public static ProposalAttachment of(long proposalId, String fileName, ContentInspector.Inspection inspection,
                                        String storageKey, Actor uploadedBy, Instant now) {
        Objects.requireNonNull(inspection, "inspection");
        if (fileName == null || fileName.isBlank() || fileName.codePointCount(0, fileName.length()) > AttachmentName.MAX_LENGTH) {
            throw new IllegalArgumentException("fileName");
        }
        if (storageKey == null || !STORAGE_KEY.matcher(storageKey).matches()) {
            throw new IllegalArgumentException("storageKey");
        }
        ProposalAttachment a = new ProposalAttachment();
        a.proposalId = proposalId;
        a.fileName = fileName;
        a.mediaType = inspection.type().mediaType();
        a.sizeBytes = inspection.size();
        a.sha256 = inspection.sha256();
        a.storageKey = storageKey;
        a.uploadedBy = Objects.requireNonNull(uploadedBy, "uploadedBy").stored();
        a.uploadedAt = Objects.requireNonNull(now, "now");
        return a;
    }

    public Long getId() {
        return id;
    }

    public long proposalId() {
        return proposalId;
    }

    public String fileName() {
        return fileName;
    }

    public AttachmentType type() {
        return AttachmentType.ofMediaType(mediaType).orElseThrow();
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public String storageKey() {
        return storageKey;
    }

    public Actor uploadedBy() {
        return Actor.parse(uploadedBy);
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
