package kz.qatysu.proposal.attachment.web;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.web.ContentDisposition;
import kz.qatysu.platform.web.StoredFileResponse;
import kz.qatysu.proposal.attachment.application.AttachmentService;
import kz.qatysu.proposal.attachment.application.AttachmentService.Download;

/**
 * {@code GET /attachments/{id}}: an attachment as a download, never as a page. The type is the one detected when it
 * was stored; {@code nosniff} and a sandboxing Content-Security-Policy keep a browser from running anything in it
 * even if opened inline. Unknown attachments and those the caller may not see are both 404. The file is streamed,
 * not loaded into memory.
 */
@WebServlet(urlPatterns = "/attachments/*")
public class AttachmentDownloadServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    private transient AttachmentService attachments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Long> id = StoredFileResponse.id(request.getPathInfo());
        if (id.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Download download;
        try {
            download = attachments.open(id.get());
        } catch (NotFound | AccessRefused | EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        StoredFileResponse.send(request, response, download.sha256(), download.mediaType(), download.size(),
                download.file(), "private, no-store", ContentDisposition.attachment(download.fileName()));
    }
}
