package kz.qatysu.proposal.attachment.domain;

import kz.qatysu.platform.domain.DomainRuleViolation;

/**
 * An attachment was refused; the key names the reason ({@code proposal.error.attachment-*}), the arguments are
 * limits, never anything taken from the refused file.
 */
public class AttachmentRefused extends DomainRuleViolation {
    private static final long serialVersionUID = 1L;

    public static final String TYPE = "proposal.error.attachment-type";
    public static final String EMPTY = "proposal.error.attachment-empty";
    public static final String TOO_LARGE = "proposal.error.attachment-too-large";
    public static final String COUNT = "proposal.error.attachment-count";
    public static final String DUPLICATE = "proposal.error.attachment-duplicate";
    public static final String NAME = "proposal.error.attachment-name";
    public static final String PDF_ACTIVE_CONTENT = "proposal.error.attachment-pdf-active-content";
    public static final String MIXED_CONTENT = "proposal.error.attachment-mixed-content";
    public static final String IMAGE_TOO_BIG = "proposal.error.attachment-image-too-big";
    public static final String UNREADABLE = "proposal.error.attachment-unreadable";
    public static final String NOT_EDITABLE = "proposal.error.attachment-not-editable";

    public AttachmentRefused(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
