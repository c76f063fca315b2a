package kz.qatysu.allocation.application;

import java.util.List;
import java.util.Set;
import kz.qatysu.allocation.domain.AllocationRules;
import kz.qatysu.allocation.domain.Ballot;
import kz.qatysu.allocation.domain.Instance;
import kz.qatysu.allocation.domain.Outcome;
import kz.qatysu.allocation.domain.Project;
import kz.qatysu.allocation.domain.Rational;
import kz.qatysu.allocation.domain.RuleNotApplicableException;
import kz.qatysu.allocation.domain.VoteType;

/**
 * Entry point for the platform's tally job: allocates a round's budget with the rule frozen for that round and returns
 * the outcome with an explanation for every project. Stateless and thread-safe; usable with {@code new} or as a CDI
 * bean (public no-arg constructor).
 */
public class AllocationService {

    public AllocationService() {
        // stateless
    }

    /** The rule keys a round may be frozen with. */
    public Set<String> ruleKeys() {
        return AllocationRules.keys();
    }

    /**
     * Allocates a round.
     *
     * @param ruleKey  the frozen rule key, e.g. {@code mes_cost_add1} or {@code mes_cost_add1_no_exhaustive_stop_comparison}
     * @param budget   the round's budget
     * @param voteType the ballot format of the round
     * @param projects the projects on the ballot
     * @param ballots  every ballot cast, empty ones included
     * @throws RuleNotApplicableException if the rule is unknown or undefined for the ballot format
     * @throws IllegalArgumentException   if a ballot names an unknown project or the data is otherwise inconsistent
     */
    public Outcome allocate(String ruleKey, Rational budget, VoteType voteType, List<Project> projects,
                            List<Ballot> ballots) {
        return allocate(ruleKey, Instance.of(budget, voteType, projects, ballots));
    }

    /** Allocates an instance read from a Pabulib file or assembled otherwise. */
    public Outcome allocate(String ruleKey, Instance instance) {
        return AllocationRules.allocate(ruleKey, instance);
    }
}
