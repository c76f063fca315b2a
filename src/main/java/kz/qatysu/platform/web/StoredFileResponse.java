package kz.qatysu.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the portal sends a stored upload (an attachment, a photo) back: by the id in its path, with its SHA-256 as
 * ETag, {@code nosniff} and a sandboxing Content-Security-Policy (a browser runs nothing in it even when it is opened
 * inline), streamed from its file rather than loaded into memory.
 */
public final class StoredFileResponse {

    private static final Pattern ID = Pattern.compile("/[1-9][0-9]{0,17}");

    private StoredFileResponse() {
    }

    /** The id of a {@code /…/{id}} path; empty for anything else. */
    public static Optional<Long> id(String pathInfo) {
        return pathInfo != null && ID.matcher(pathInfo).matches()
                ? Optional.of(Long.parseLong(pathInfo.substring(1))) : Optional.empty();
    }

    /**
     * Sends the file, or 304 when the client already has this content.
     *
     * @param cacheControl       e.g. {@code private, no-store} for what not everyone may see
     * @param contentDisposition a header value built from names of our own, never raw upload names
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, String sha256, String mediaType,
                            long size, Path file, String cacheControl, String contentDisposition) throws IOException {
        String etag = "\"" + sha256 + "\"";
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("ETag", etag);
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(mediaType);
        response.setContentLengthLong(size);
        response.setHeader("Content-Disposition", contentDisposition);
        Files.copy(file, response.getOutputStream());
    }
}
