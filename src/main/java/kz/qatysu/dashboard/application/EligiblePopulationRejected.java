package kz.qatysu.dashboard.application;

import jakarta.ejb.ApplicationException;
import java.util.List;
import kz.qatysu.dashboard.domain.EligiblePopulationFile;

/** An eligible-population file with problems: nothing of it is stored (the EJB rolls the transaction back). */
@ApplicationException(rollback = true)
public class EligiblePopulationRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<EligiblePopulationFile.Problem> problems;

    public EligiblePopulationRejected(List<EligiblePopulationFile.Problem> problems) {
        super(problems.size() + " problem(s), first: line " + problems.getFirst().line() + " "
                + problems.getFirst().messageKey());
        this.problems = List.copyOf(problems);
    }

    public List<EligiblePopulationFile.Problem> problems() {
        return problems;
    }
}
