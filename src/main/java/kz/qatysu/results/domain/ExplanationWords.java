package kz.qatysu.results.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kz.qatysu.allocation.domain.ReasonCode;

/**
 * Turns the engine's explanation of one project into the arguments of a sentence in plain words: the message key
 * {@code results.reason.<CODE>} and its arguments, always {@code {0}} votes, {@code {1}} cost, {@code {2}} the step in
 * which it was funded, then the figures the reason code documents, in that order, as decimal numbers (an exact
 * fraction such as {@code 1000000/3} is rounded to two decimals for reading; the published JSON keeps it exact).
 */
public final class ExplanationWords {

    private ExplanationWords() {
    }

    /** A sentence to render: its bundle key and its arguments. */
    public record Sentence(String key, List<Object> arguments) {
        public Sentence {
            arguments = List.copyOf(arguments);
        }
    }

    /** The figure keys each reason's sentence uses, in argument order from {@code {3}}. */
    static List<String> figureKeys(ReasonCode reason) {
        return switch (reason) {
            case FUNDED_BY_EQUAL_SHARES -> List.of("maxPayment", "supportersPayingMax", "supportersPayingLess");
            case FUNDED_BY_GREEDY, FUNDED_BY_COMPLETION -> List.of("remainingBudgetBefore");
            case FUNDED_BY_PHRAGMEN -> List.of("maxLoad");
            case INSUFFICIENT_SUPPORTER_FUNDS -> List.of("supporterFunds", "shortfall", "shortfallPerSupporter");
            case DID_NOT_FIT_REMAINING_BUDGET -> List.of("remainingBudget");
            case EXCEEDS_BUDGET -> List.of("budget");
            case PHRAGMEN_STOPPED -> List.of("stoppedAt", "remainingBudget");
            case FUNDED_AT_ZERO_COST, NO_SUPPORT, NO_SATISFACTION -> List.of();
        };
    }

    /**
     * The sentence for one project. A figure the engine did not give (an older outcome, say) makes the sentence fall
     * back to the reason's short form {@code results.reason.<CODE>.short}, which needs only votes, cost and step.
     */
    public static Sentence of(String reasonCode, long votes, long cost, int step, Map<String, String> figures) {
        ReasonCode reason = ReasonCode.valueOf(reasonCode);
        List<Object> arguments = new ArrayList<>(List.of(votes, cost, step));
        for (String key : figureKeys(reason)) {
            String value = figures.get(key);
            if (value == null) {
                return new Sentence("results.reason." + reason.name() + ".short", List.of(votes, cost, step));
            }
            arguments.add(decimal(value));
        }
        return new Sentence("results.reason." + reason.name(), arguments);
    }

    /** An exact amount of the engine ({@code 12.5}, {@code 1000000/3}) as a decimal for reading. */
    static BigDecimal decimal(String exact) {
        int slash = exact.indexOf('/');
        if (slash < 0) {
            return new BigDecimal(exact);
        }
        BigDecimal numerator = new BigDecimal(new BigInteger(exact.substring(0, slash).strip()));
        BigDecimal denominator = new BigDecimal(new BigInteger(exact.substring(slash + 1).strip()));
        return numerator.divide(denominator, 2, RoundingMode.HALF_UP);
    }
}
