package kz.qatysu.platform.faces;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;

/**
 * A post whose view state is unknown — expired, or forged by another site (attack case 28) — runs no action and is
 * sent to the "page expired" page (303). Left to the container's error page, it would end in a bare 500 on the
 * protected pages (payara/Payara#7772); redirecting also serves AJAX posts (a partial-response redirect).
 */
public class ExpiredViews extends ExceptionHandlerFactory {

    public ExpiredViews(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable t = events.next().getContext().getException();
                while (t != null && !(t instanceof ViewExpiredException)) {
                    t = t.getCause();
                }
                if (t == null) {
                    continue;
                }
                FacesContext faces = FacesContext.getCurrentInstance();
                ExternalContext external = faces.getExternalContext();
                if (external.isResponseCommitted()) {
                    continue;
                }
                events.remove();
                try {
                    external.redirect(external.getRequestContextPath() + "/error/expired.xhtml");
                } catch (IOException e) {
                    throw new FacesException(e);
                }
                faces.responseComplete();
                break;
            }
            getWrapped().handle();
        }
    }
}
