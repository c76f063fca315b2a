package kz.qatysu.allocation.domain;

/** Thrown when a rule is not defined for the ballot format of an instance, or when its key is unknown. */
public class RuleNotApplicableException extends IllegalArgumentException {

    public RuleNotApplicableException(String message) {
        super(message);
    }
}
