package kz.qatysu.platform.faces;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;

/**
 * Runs a service call from a backing bean and turns refusals into what the visitor sees: a rule violation becomes a
 * localised message (next to a field or global) and the page stays; a refused access answers 403 and an unknown
 * object 404 with the error page, whatever the form posted. The service has rolled back in every one of these cases.
 */
@ApplicationScoped
public class FacesActions {

    /** The error pages web.xml maps the statuses to. */
    private static final String FORBIDDEN_VIEW = "/error/forbidden.xhtml";
    private static final String NOT_FOUND_VIEW = "/error/not-found.xhtml";

    @Inject
    private Messages messages;
    @Inject
    private Logger logger;

    /** @return the action's result, or {@code null} when it was refused (the response says why) */
    public <T> T attempt(String clientId, Supplier<T> action) {
        return attemptPerField(key -> clientId, action);
    }

    /**
     * As {@link #attempt(String, Supplier)} for forms of several fields: the refusal's message is shown next to the
     * field {@code fieldOfKey} names for its message key ({@code null}: a global message).
     */
    public <T> T attemptPerField(Function<String, String> fieldOfKey, Supplier<T> action) {
        try {
            return action.get();
        } catch (DomainRuleViolation e) {
            messages.error(fieldOfKey.apply(e.messageKey()), e.messageKey(), e.arguments());
        } catch (OptimisticLockException e) {
            messages.error(null, "error.concurrent-change");
        } catch (AccessRefused | EJBAccessException e) {
            logger.log(Level.WARNING, "Refused: {0}", e.getMessage());
            refuse(403, FORBIDDEN_VIEW);
        } catch (NotFound e) {
            refuse(404, NOT_FOUND_VIEW);
        } catch (EJBException e) {
            // A conflicting change committed first (the version check fails at commit, so the container wraps it):
            // the visitor is asked to reload; anything else is a fault and goes to the error page.
            if (!causedByConcurrentChange(e)) {
                throw e;
            }
            messages.error(null, "error.concurrent-change");
        }
        return null;
    }

    static boolean causedByConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t.getClass().getName().equals("org.eclipse.persistence.exceptions.OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }

    /** @return whether the action went through */
    public boolean attempt(String clientId, Runnable action) {
        return attempt(clientId, () -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** @return whether the action went through */
    public boolean attemptPerField(Function<String, String> fieldOfKey, Runnable action) {
        return attemptPerField(fieldOfKey, () -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
    }

    /**
     * Answers with the status and renders the error page of web.xml in this same request, instead of
     * {@code responseSendError}: the container's error dispatch after the Faces servlet has returned runs without a
     * JACC policy context on Payara 7, so the template's {@code request.isUserInRole} fails there with a
     * NullPointerException (payara/Payara#7772) and the visitor would get a bare 500 instead of the 403/404 page.
     */
    private static void refuse(int status, String viewId) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.getExternalContext().setResponseStatus(status);
        UIViewRoot errorView = context.getApplication().getViewHandler().createView(context, viewId);
        context.setViewRoot(errorView);
        context.renderResponse();
    }
}
