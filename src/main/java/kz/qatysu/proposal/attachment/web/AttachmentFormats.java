package kz.qatysu.proposal.attachment.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.proposal.attachment.domain.AttachmentType;

/** How pages show an attachment's type and size: {@code PDF}, {@code 1,4 МБ}. */
@Named
@ApplicationScoped
public class AttachmentFormats {

    @Inject
    private Messages messages;

    public String type(String mediaType) {
        return AttachmentType.ofMediaType(mediaType).map(Enum::name).orElse(mediaType);
    }

    /** A text with the file name as its argument, e.g. "Remove {0}" for a button's accessible name. */
    public String label(String key, String fileName) {
        return messages.text(key, fileName);
    }

    public String size(long bytes) {
        if (bytes < 1024) {
            return messages.text("attachments.size.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return messages.text("attachments.size.kb", bytes / 1024.0);
        }
        return messages.text("attachments.size.mb", bytes / (1024.0 * 1024.0));
    }
}
