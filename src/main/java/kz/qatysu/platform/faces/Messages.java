package kz.qatysu.platform.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Faces messages from the i18n bundle in the view's language. */
@ApplicationScoped
public class Messages {

    public static final String BUNDLE = "kz.qatysu.i18n.messages";

    public String text(String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, context.getViewRoot().getLocale());
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        if (args.length == 0) {
            return pattern;
        }
        // Arguments that are message keys themselves (a phase's name, say) appear in the same language.
        Object[] localised = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            localised[i] = args[i] instanceof String s && bundle.containsKey(s) ? bundle.getString(s) : args[i];
        }
        return new MessageFormat(pattern, context.getViewRoot().getLocale()).format(localised);
    }

    /** An error shown next to the input with the given id (in the current form), or globally for {@code null}. */
    public void error(String clientId, String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        String summary = text(key, args);
        context.addMessage(resolve(context, clientId), new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, summary));
        context.validationFailed();
    }

    /** A global message that survives the redirect of POST-redirect-GET. */
    public void flashInfo(String key, Object... args) {
        FacesContext context = FacesContext.getCurrentInstance();
        String summary = text(key, args);
        context.getExternalContext().getFlash().setKeepMessages(true);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, summary));
    }

    private static String resolve(FacesContext context, String id) {
        if (id == null) {
            return null;
        }
        var component = context.getViewRoot().findComponent(":" + id);
        if (component == null) {
            for (var form : context.getViewRoot().getChildren()) {
                var found = form.findComponent(id);
                if (found != null) {
                    return found.getClientId(context);
                }
            }
            return null;
        }
        return component.getClientId(context);
    }
}
