package kz.qatysu.monitoring.web;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import kz.qatysu.monitoring.application.ImplementationCatalog;
import kz.qatysu.monitoring.application.ImplementationCatalog.PhotoFile;
import kz.qatysu.platform.web.StoredFileResponse;

/**
 * {@code GET /implementation-photos/{id}}: a photo of a funded project, shown inline on its public page. The bytes
 * were re-encoded from the decoded pixels when stored (nothing but a PNG or JPEG can be in them); {@code nosniff} and a
 * sandboxing Content-Security-Policy keep a browser from treating them as anything else. Unknown photos are 404.
 */
@WebServlet(urlPatterns = "/implementation-photos/*")
public class ImplementationPhotoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    private transient ImplementationCatalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<PhotoFile> found = StoredFileResponse.id(request.getPathInfo()).flatMap(catalog::photo);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PhotoFile photo = found.get();
        // A name of our own (digits and the type's extension): nothing of the upload's name reaches the header.
        StoredFileResponse.send(request, response, photo.sha256(), photo.mediaType(), photo.size(), photo.file(),
                "public, max-age=3600", "inline; filename=\"photo-" + photo.id() + "." + photo.extension() + "\"");
    }
}
