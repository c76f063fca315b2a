package kz.qatysu.proposal.attachment.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Locale;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.proposal.attachment.application.AttachmentService;
import kz.qatysu.proposal.attachment.application.AttachmentService.AttachmentView;
import kz.qatysu.proposal.attachment.application.AttachmentService.OwnAttachments;
import kz.qatysu.proposal.attachment.domain.AttachmentRefused;
import org.omnifaces.util.Faces;
import org.primefaces.model.file.UploadedFile;

/**
 * {@code /cabinet/proposal-attachments.xhtml?id=N}: the author's attachments of one proposal — list, upload,
 * removal (POST-redirect-GET). Someone else's or an unknown proposal answers 404. The size limit is checked here
 * for a quick answer and again, on the bytes actually read, by the service.
 */
@Named
@ViewScoped
public class ProposalAttachmentsBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private AttachmentService attachments;
    @Inject
    private FacesActions actions;
    @Inject
    private Messages messages;

    private String id;
    private long proposalId;
    private OwnAttachments page;
    private transient UploadedFile file;

    /** View action: loads the caller's proposal, or answers 404. */
    public void load() {
        if (id == null || !id.matches("[1-9][0-9]{0,17}")) {
            Faces.responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
            Faces.responseComplete();
            return;
        }
        proposalId = Long.parseLong(id);
        page = actions.attempt(null, () -> attachments.mine(proposalId));
    }

    public String upload() {
        if (page == null) {
            return null;
        }
        if (file == null || file.getSize() <= 0) {
            messages.error("file", AttachmentRefused.EMPTY);
            return null;
        }
        if (file.getSize() > page.maxBytes()) {
            messages.error("file", AttachmentRefused.TOO_LARGE, page.maxMegabytes());
            return null;
        }
        UploadedFile upload = file;
        AttachmentView added = actions.attempt("file", () -> {
            try (InputStream in = upload.getInputStream()) {
                return attachments.attach(proposalId, upload.getFileName(), in);
            } catch (IOException e) {
                throw new AttachmentRefused(AttachmentRefused.UNREADABLE);
            }
        });
        if (added == null) {
            return null;
        }
        messages.flashInfo("attachments.added", added.fileName());
        return self();
    }

    public String remove(AttachmentView attachment) {
        if (attachment == null || !actions.attempt(null, () -> attachments.remove(attachment.id()))) {
            return null;
        }
        messages.flashInfo("attachments.removed", attachment.fileName());
        return self();
    }

    private String self() {
        return "/cabinet/proposal-attachments?faces-redirect=true&id=" + proposalId;
    }

    /** For {@code p:validateFile}: PrimeFaces refuses larger files in the browser and again on the server. */
    public long getSizeLimit() {
        return page == null ? 0 : page.maxBytes();
    }

    public String getStatusKey() {
        return page == null ? "" : "proposal.status." + page.status().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isFull() {
        return page != null && page.attachments().size() >= page.maxCount();
    }

    public OwnAttachments getPage() {
        return page;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }
}
