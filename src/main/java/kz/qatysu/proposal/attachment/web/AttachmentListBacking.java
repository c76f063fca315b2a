package kz.qatysu.proposal.attachment.web;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.proposal.attachment.application.AttachmentService;
import kz.qatysu.proposal.attachment.application.AttachmentService.AttachmentView;

/**
 * The read-only attachment list of {@code WEB-INF/includes/attachments.xhtml}: the attachments of a proposal the
 * visitor may see, empty otherwise (the including page decides whether the proposal itself is shown).
 */
@Named
@RequestScoped
public class AttachmentListBacking {

    @EJB
    private AttachmentService attachments;

    private final Map<Long, List<AttachmentView>> loaded = new HashMap<>();

    public List<AttachmentView> of(Long proposalId) {
        if (proposalId == null) {
            return List.of();
        }
        return loaded.computeIfAbsent(proposalId, id -> {
            try {
                return attachments.list(id);
            } catch (NotFound | AccessRefused | EJBAccessException e) {
                return List.of();
            }
        });
    }
}
