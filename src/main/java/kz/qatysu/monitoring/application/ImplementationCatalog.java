package kz.qatysu.monitoring.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.monitoring.domain.Implementation;
import kz.qatysu.monitoring.domain.ImplementationPhoto;
import kz.qatysu.proposal.attachment.application.AttachmentStore;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.round.application.RoundCatalog;

/**
 * The public side of implementation monitoring: the timeline of a funded project for its public page, and its photos.
 * Only funded projects whose monitoring has started are shown; the history never names the staff who updated it.
 */
@Stateless
@PermitAll
public class ImplementationCatalog {

    /** What the photo servlet streams; {@code file} stays on the server. */
    public record PhotoFile(long id, String mediaType, String extension, long size, String sha256, Path file) {
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private RoundCatalog rounds;
    @Inject
    private AttachmentStore store;
    @Inject
    private Clock clock;
    @Inject
    private Logger logger;

    /** The timeline of a funded project; empty for any other proposal or before monitoring started. */
    public Optional<ImplementationView> timeline(long proposalId) {
        Proposal p = em.find(Proposal.class, proposalId);
        if (p == null || p.status() != ProposalStatus.FUNDED) {
            return Optional.empty();
        }
        return em.createNamedQuery("Implementation.findByProposal", Implementation.class)
                .setParameter("proposalId", proposalId).getResultStream().findFirst()
                .map(i -> Views.of(p, i, em.createNamedQuery("ImplementationPhoto.findByImplementation",
                                        ImplementationPhoto.class).setParameter("implementationId", i.getId())
                                .getResultList(), rounds.territoryPath(p.territory()), LocalDate.now(clock), false));
    }

    /** A photo of a funded project, for the photo servlet; empty when unknown or its file is missing. */
    public Optional<PhotoFile> photo(long photoId) {
        ImplementationPhoto photo = em.find(ImplementationPhoto.class, photoId);
        if (photo == null) {
            return Optional.empty();
        }
        Implementation i = em.find(Implementation.class, photo.implementationId());
        if (i == null || i.proposal().status() != ProposalStatus.FUNDED) {
            return Optional.empty();
        }
        if (!store.exists(photo.storageKey())) {
            logger.log(Level.SEVERE, "The file of implementation photo {0} is missing from the store", photoId);
            return Optional.empty();
        }
        return Optional.of(new PhotoFile(photoId, photo.type().mediaType(), photo.type().extension(),
                photo.sizeBytes(), photo.sha256(), store.path(photo.storageKey())));
    }
}
