package kz.qatysu.platform.domain;

import java.util.List;
import java.util.Objects;

/**
 * A business rule refused an action. The message is the key of the localised explanation in the i18n bundle; the
 * arguments are safe to show (limits, codes), never the refused input.
 */
public class DomainRuleViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String messageKey;
    private final transient List<Object> arguments;

    public DomainRuleViolation(String messageKey, Object... arguments) {
        super(Objects.requireNonNull(messageKey, "messageKey"));
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
    }

    /** The key of the localised message, e.g. {@code proposal.error.cost-lines-sum}. */
    public String messageKey() {
        return messageKey;
    }

    /** Arguments of the localised message ({@code {0}}, {@code {1}} …). */
    public Object[] arguments() {
        return arguments == null ? new Object[0] : arguments.toArray();
    }
}
