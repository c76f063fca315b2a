package kz.qatysu.territory.application;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A classifier file that cannot be imported, with every problem found and its line number. Nothing of the file is
 * stored (the EJB rolls the transaction back).
 */
@ApplicationException(rollback = true)
public class KatoImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * One problem: the 1-based line of the file (0 when it concerns the whole file), a message key of the i18n bundle
     * and the offending value (safe to show: codes, counts).
     */
    public record Problem(int line, String messageKey, String detail) {
    }

    private final List<Problem> problems;

    public KatoImportException(List<Problem> problems) {
        super(problems.size() + " problem(s), first: line " + problems.getFirst().line() + " " + problems.getFirst().messageKey());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
