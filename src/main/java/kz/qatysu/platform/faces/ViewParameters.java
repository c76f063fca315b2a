package kz.qatysu.platform.faces;

import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading the view parameters of public, bookmarkable pages: values arrive as text from the address bar and are
 * read leniently; a page whose subject does not exist answers 404 with the portal's not-found page.
 */
public final class ViewParameters {

    private static final Pattern ID = Pattern.compile("[0-9]{1,18}");

    private ViewParameters() {
    }

    /** A positive id of at most 18 ASCII digits; empty for anything else. */
    public static Optional<Long> id(String value) {
        if (value == null || !ID.matcher(value).matches()) {
            return Optional.empty();
        }
        long id = Long.parseLong(value);
        return id > 0 ? Optional.of(id) : Optional.empty();
    }

    /** Ends the request with 404; the container shows {@code /error/not-found.xhtml} (web.xml). */
    public static void notFound() {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            context.getExternalContext().responseSendError(404, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }
}
