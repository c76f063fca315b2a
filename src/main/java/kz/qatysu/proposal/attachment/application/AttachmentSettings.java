package kz.qatysu.proposal.attachment.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.qatysu.proposal.attachment.domain.AttachmentLimits;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Attachment limits from MicroProfile Config ({@code qatysu.attachments.*}, or {@code QATYSU_ATTACHMENTS_MAX_BYTES}
 * … in the environment). A configured size above the database's ceiling fails at start-up, not at the first upload.
 */
@ApplicationScoped
public class AttachmentSettings {

    @Inject
    @ConfigProperty(name = "qatysu.attachments.max-bytes", defaultValue = "10485760")
    long maxBytes;
    @Inject
    @ConfigProperty(name = "qatysu.attachments.max-per-proposal", defaultValue = "10")
    int maxPerProposal;
    @Inject
    @ConfigProperty(name = "qatysu.attachments.max-pixels", defaultValue = "50000000")
    long maxPixels;

    private AttachmentLimits limits;

    public AttachmentLimits limits() {
        if (limits == null) {
            limits = new AttachmentLimits(maxBytes, maxPerProposal, maxPixels);
        }
        return limits;
    }
}
