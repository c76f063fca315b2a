package kz.qatysu.proposal.attachment.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.audit.application.AuditTrail;
import kz.qatysu.citizen.application.CitizenRepository;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.proposal.application.ProposalRepository;
import kz.qatysu.proposal.attachment.domain.AttachmentLimits;
import kz.qatysu.proposal.attachment.domain.AttachmentName;
import kz.qatysu.proposal.attachment.domain.AttachmentRefused;
import kz.qatysu.proposal.attachment.domain.ContentInspector;
import kz.qatysu.proposal.attachment.domain.ProposalAttachment;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.round.application.RoundCatalog;
import kz.qatysu.staff.application.StaffService;

/**
 * Files attached to proposals. The author attaches and removes them while the proposal can be edited (draft or
 * returned for changes); who may see them follows the proposal: everyone once it is public
 * ({@link RoundCatalog#PUBLIC_STATUSES}), before that only its author and staff whose territorial scope covers it.
 * A proposal the caller may not see is reported as not found, so its existence is not revealed.
 */
@Stateless
public class AttachmentService {

    /** An attachment as lists show it. */
    public record AttachmentView(long id, long proposalId, String fileName, String mediaType, long sizeBytes,
                                 String sha256, Instant uploadedAt) {
    }

    /** The author's attachment page: the proposal, its files and whether (and how much) more may be attached. */
    public record OwnAttachments(long proposalId, String proposalTitle, String status, boolean editable,
                                 List<AttachmentView> attachments, int maxCount, long maxBytes,
                                 long maxMegabytes) {
    }

    /** What the download servlet streams. {@code file} stays on the server. */
    public record Download(long id, String fileName, String mediaType, long size, String sha256, Path file) {
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private SessionContext session;
    @Inject
    private CitizenRepository citizens;
    @Inject
    private ProposalRepository proposals;
    @Inject
    private AttachmentStore store;
    @Inject
    private AttachmentSettings settings;
    @EJB
    private StaffService staff;
    @EJB
    private AuditTrail audit;
    @Inject
    private Clock clock;
    @Inject
    private Logger logger;

    /**
     * The caller attaches a file to their own proposal. The content is read once, checked from its bytes and stored;
     * a refusal or failure leaves neither a row nor a file.
     *
     * @throws AttachmentRefused     with the reason ({@code proposal.error.attachment-*})
     * @throws NotFound              for an unknown proposal or someone else's
     */
    @RolesAllowed(Roles.CITIZEN)
    public AttachmentView attach(long proposalId, String fileName, InputStream content) {
        Citizen caller = caller();
        Proposal proposal = own(proposalId, caller);
        requireEditable(proposal);
        AttachmentLimits limits = settings.limits();
        limits.requireRoomFor(count(proposalId));
        AttachmentName.check(fileName);
        ContentInspector inspector = new ContentInspector(limits);
        Path received = store.newIncomingFile();
        Path checked = store.newIncomingFile();
        try {
            inspector.receive(content, received);
            ContentInspector.Inspection inspection = inspector.inspect(received, checked);
            if (em.createNamedQuery("ProposalAttachment.countByProposalAndSha256", Long.class)
                    .setParameter("proposalId", proposalId).setParameter("sha256", inspection.sha256())
                    .getSingleResult() > 0) {
                throw new AttachmentRefused(AttachmentRefused.DUPLICATE);
            }
            String key = store.keep(checked);
            Actor actor = Actor.citizen(caller.getId());
            ProposalAttachment attachment = ProposalAttachment.of(proposalId,
                    AttachmentName.display(fileName, inspection.type()), inspection, key, actor, clock.instant());
            em.persist(attachment);
            em.flush();
            audit.record(actor, "proposal.attachment.add", "ProposalAttachment", attachment.getId(), null,
                    snapshot(attachment));
            return view(attachment);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            store.discard(received);
            store.discard(checked);
        }
    }

    /** The caller removes an attachment of their own editable proposal; the file goes once the removal committed. */
    @RolesAllowed(Roles.CITIZEN)
    public void remove(long attachmentId) {
        Citizen caller = caller();
        ProposalAttachment attachment = find(attachmentId);
        Proposal proposal = own(attachment.proposalId(), caller);
        requireEditable(proposal);
        em.remove(attachment);
        store.deleteAfterCommit(attachment.storageKey());
        audit.record(Actor.citizen(caller.getId()), "proposal.attachment.remove", "ProposalAttachment", attachmentId,
                snapshot(attachment), null);
    }

    /** The caller's own proposal with its attachments, for the author's attachment page. */
    @RolesAllowed(Roles.CITIZEN)
    public OwnAttachments mine(long proposalId) {
        Proposal proposal = proposals.find(proposalId)
                .filter(p -> isAuthor(p, caller()))
                .orElseThrow(() -> new NotFound("proposal " + proposalId));
        AttachmentLimits limits = settings.limits();
        return new OwnAttachments(proposalId, proposal.title().value(), proposal.status().name(),
                proposal.status().isEditable(), views(proposalId), limits.maxPerProposal(), limits.maxBytes(),
                limits.maxMegabytes());
    }

    /**
     * The attachments of a proposal the caller may see.
     *
     * @throws NotFound     for an unknown proposal or one the caller may not see
     * @throws AccessRefused for staff outside their territorial scope
     */
    @PermitAll
    public List<AttachmentView> list(long proposalId) {
        Proposal proposal = proposals.find(proposalId).orElseThrow(() -> new NotFound("proposal " + proposalId));
        requireVisible(proposal);
        return views(proposalId);
    }

    /**
     * An attachment for download, if the caller may see its proposal.
     *
     * @throws NotFound     for an unknown attachment, one the caller may not see, or one whose file is missing
     * @throws AccessRefused for staff outside their territorial scope
     */
    @PermitAll
    public Download open(long attachmentId) {
        ProposalAttachment attachment = find(attachmentId);
        Proposal proposal = proposals.find(attachment.proposalId())
                .orElseThrow(() -> new NotFound("attachment " + attachmentId));
        requireVisible(proposal);
        if (!store.exists(attachment.storageKey())) {
            logger.log(Level.SEVERE, "The file of attachment {0} is missing from the store", attachmentId);
            throw new NotFound("attachment " + attachmentId);
        }
        return new Download(attachmentId, attachment.fileName(), attachment.type().mediaType(),
                attachment.sizeBytes(), attachment.sha256(), store.path(attachment.storageKey()));
    }

    // ---------------------------------------------------------------- internals

    private void requireVisible(Proposal proposal) {
        if (RoundCatalog.PUBLIC_STATUSES.contains(proposal.status())) {
            return;
        }
        if (session.isCallerInRole(Roles.CITIZEN)) {
            Optional<Citizen> caller = citizens.findCaller(session.getCallerPrincipal());
            if (caller.isPresent() && isAuthor(proposal, caller.get())) {
                return;
            }
        }
        for (String role : Roles.STAFF) {
            if (session.isCallerInRole(role)) {
                staff.requireScope(proposal.territory());
                return;
            }
        }
        throw new NotFound("proposal " + proposal.getId());
    }

    private static void requireEditable(Proposal proposal) {
        if (!proposal.status().isEditable()) {
            throw new AttachmentRefused(AttachmentRefused.NOT_EDITABLE);
        }
    }

    private Citizen caller() {
        return citizens.findCaller(session.getCallerPrincipal())
                .orElseThrow(() -> new AccessRefused("citizen.error.not-registered"));
    }

    private static boolean isAuthor(Proposal proposal, Citizen citizen) {
        return proposal.proposer().citizenId().filter(id -> id.equals(citizen.getId())).isPresent();
    }

    /** The caller's proposal, locked (attachments to one proposal are added one at a time); else not found. */
    private Proposal own(long proposalId, Citizen caller) {
        if (proposals.find(proposalId).filter(p -> isAuthor(p, caller)).isEmpty()) {
            throw new NotFound("proposal " + proposalId);
        }
        return proposals.lock(proposalId);
    }

    private ProposalAttachment find(long attachmentId) {
        return Optional.ofNullable(em.find(ProposalAttachment.class, attachmentId))
                .orElseThrow(() -> new NotFound("attachment " + attachmentId));
    }

    private long count(long proposalId) {
        return em.createNamedQuery("ProposalAttachment.countByProposal", Long.class)
                .setParameter("proposalId", proposalId).getSingleResult();
    }

    private List<AttachmentView> views(long proposalId) {
        return em.createNamedQuery("ProposalAttachment.findByProposal", ProposalAttachment.class)
                .setParameter("proposalId", proposalId).getResultStream().map(AttachmentService::view).toList();
    }

    private static AttachmentView view(ProposalAttachment a) {
        return new AttachmentView(a.getId(), a.proposalId(), a.fileName(), a.type().mediaType(), a.sizeBytes(),
                a.sha256(), a.uploadedAt());
    }

    private static Map<String, Object> snapshot(ProposalAttachment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("proposal", a.proposalId());
        m.put("fileName", a.fileName());
        m.put("mediaType", a.type().mediaType());
        m.put("sizeBytes", a.sizeBytes());
        m.put("sha256", a.sha256());
        return m;
    }
}
