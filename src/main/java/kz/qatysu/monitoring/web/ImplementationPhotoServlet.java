package kz.qatysu.monitoring.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Pattern;
import kz.qatysu.monitoring.application.ImplementationCatalog;
import kz.qatysu.monitoring.application.ImplementationCatalog.PhotoFile;

/**
 * {@code GET /implementation-photos/{id}}: a photo of a funded project, shown inline on its public page. The bytes
 * were re-encoded from the decoded pixels when stored (nothing but a PNG or JPEG can be in them); {@code nosniff} and a
 * sandboxing Content-Security-Policy keep a browser from treating them as anything else. Unknown photos are 404.
 */
@WebServlet(urlPatterns = "/implementation-photos/*")
public class ImplementationPhotoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final Pattern ID = Pattern.compile("/[1-9][0-9]{0,17}");

    @EJB
    private transient ImplementationCatalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !ID.matcher(path).matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Optional<PhotoFile> found = catalog.photo(Long.parseLong(path.substring(1)));
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PhotoFile photo = found.get();
        String etag = "\"" + photo.sha256() + "\"";
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setHeader("Cache-Control", "public, max-age=3600");
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(photo.mediaType());
        response.setContentLengthLong(photo.size());
        // A name of our own (digits and the type's extension): nothing of the upload's name reaches the header.
        response.setHeader("Content-Disposition", "inline; filename=\"photo-" + photo.id() + "." + photo.extension() + "\"");
        Files.copy(photo.file(), response.getOutputStream());
    }
}
