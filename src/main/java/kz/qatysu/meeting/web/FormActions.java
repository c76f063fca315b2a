package kz.qatysu.meeting.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Supplier;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.Messages;

/**
 * {@link FacesActions#attempt} for the meeting forms: a refused rule is shown next to the input it concerns (see
 * {@link MeetingFields}); refused access and unknown meetings answer 403 and 404 as everywhere.
 */
@ApplicationScoped
public class FormActions {

    @Inject
    private FacesActions actions;
    @Inject
    private Messages messages;

    /** @return the action's result, or {@code null} when it was refused (the response says why) */
    public <T> T attempt(String formId, List<String> inputs, Supplier<T> action) {
        return actions.attempt(null, () -> {
            try {
                return action.get();
            } catch (DomainRuleViolation e) {
                messages.error(MeetingFields.of(formId, e.messageKey(), inputs), e.messageKey(), e.arguments());
                return null;
            }
        });
    }

    /** @return whether the action went through */
    public boolean attempt(String formId, List<String> inputs, Runnable action) {
        return attempt(formId, inputs, () -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
    }
}
