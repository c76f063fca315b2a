package kz.qatysu.monitoring.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.proposal.attachment.domain.AttachmentType;
import kz.qatysu.proposal.attachment.domain.ContentInspector;
import kz.qatysu.proposal.attachment.domain.ProposalAttachment;

/**
 * A photo of a project being built, with its caption. The bytes passed the proposal attachments'
 * {@link ContentInspector} (an image by its content, re-encoded without metadata) and lie in the attachment store
 * under {@link #storageKey()}; only PNG and JPEG are photos.
 */
@Entity
@Table(name = "implementation_photo")
@NamedQuery(name = "ImplementationPhoto.findByImplementation",
        query = "select p from ImplementationPhoto p where p.implementationId = :implementationId"
                + " order by p.uploadedAt, p.id")
@NamedQuery(name = "ImplementationPhoto.countByImplementation",
        query = "select count(p) from ImplementationPhoto p where p.implementationId = :implementationId")
@NamedQuery(name = "ImplementationPhoto.countByImplementationAndSha256",
        query = "select count(p) from ImplementationPhoto p where p.implementationId = :implementationId"
                + " and p.sha256 = :sha256")
public class ImplementationPhoto {

    public static final int MAX_CAPTION_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "implementation_id", nullable = false, updatable = false)
    private long implementationId;

    @Column(name = "caption", nullable = false, updatable = false, length = MAX_CAPTION_LENGTH)
    private String caption;

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

    protected ImplementationPhoto() {
        // for JPA
    }

    /**
     * A checked image of an implementation.
     *
     * @throws DomainRuleViolation {@code monitoring.error.photo-type} for anything but PNG or JPEG,
     *                             {@code monitoring.error.caption-blank|-too-long}
     */
    public static ImplementationPhoto of(Implementation implementation, String caption,
                                         ContentInspector.Inspection inspection, String storageKey, Actor uploadedBy,
                                         Instant now) {
        Objects.requireNonNull(implementation.getId(), "a stored implementation");
        if (!Objects.requireNonNull(inspection, "inspection").type().isImage()) {
            throw new DomainRuleViolation("monitoring.error.photo-type");
        }
        if (storageKey == null || !ProposalAttachment.STORAGE_KEY.matcher(storageKey).matches()) {
            throw new IllegalArgumentException("storageKey");
        }
        ImplementationPhoto p = new ImplementationPhoto();
        p.implementationId = implementation.getId();
        p.caption = Implementation.cleanCaption(caption);
        p.mediaType = inspection.type().mediaType();
        p.sizeBytes = inspection.size();
        p.sha256 = inspection.sha256();
        p.storageKey = storageKey;
        p.uploadedBy = Objects.requireNonNull(uploadedBy, "uploadedBy").stored();
        p.uploadedAt = Objects.requireNonNull(now, "now");
        return p;
    }

    public Long getId() {
        return id;
    }

    public long implementationId() {
        return implementationId;
    }

    public String caption() {
        return caption;
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
