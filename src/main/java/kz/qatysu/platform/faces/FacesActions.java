package kz.qatysu.platform.faces;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * object 404, whatever the form posted. The service has rolled back in every one of these cases.
 */
@ApplicationScoped
public class FacesActions {

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
            send(403);
        } catch (NotFound e) {
            send(404);
        }
        return null;
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

    private static void send(int status) {
        FacesContext context = FacesContext.getCurrentInstance();
        try {
            context.getExternalContext().responseSendError(status, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }
}
