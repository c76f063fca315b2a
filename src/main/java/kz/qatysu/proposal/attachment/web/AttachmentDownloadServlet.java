package kz.qatysu.proposal.attachment.web;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.web.ContentDisposition;
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

    private static final Pattern ID = Pattern.compile("/[1-9][0-9]{0,17}");

    @EJB
    private transient AttachmentService attachments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !ID.matcher(path).matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Download download;
        try {
            download = attachments.open(Long.parseLong(path.substring(1)));
        } catch (NotFound | AccessRefused | EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String etag = "\"" + download.sha256() + "\"";
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(download.mediaType());
        response.setContentLengthLong(download.size());
        response.setHeader("Content-Disposition", ContentDisposition.attachment(download.fileName()));
        Files.copy(download.file(), response.getOutputStream());
    }
}
