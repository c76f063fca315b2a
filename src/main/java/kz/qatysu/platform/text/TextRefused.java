package kz.qatysu.platform.text;

import kz.qatysu.platform.domain.DomainRuleViolation;

/** Text that is blank after cleaning or too long; the argument is the length limit. */
public class TextRefused extends DomainRuleViolation {
    private static final long serialVersionUID = 1L;

    public TextRefused(String messageKey, int maxLength) {
        super(messageKey, maxLength);
    }
}
