package kz.qatysu.allocation.domain;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A participatory-budgeting election: budget, projects and ballots (the Pabulib notion of an instance plus profile).
 *
 * @param meta     the descriptive key/value metadata in its original order (budget, vote_type, rule, ...)
 * @param budget   exact budget limit
 * @param voteType the ballot format
 * @param projects projects, unique ids, in their original order
 * @param ballots  all ballots, empty ones included (they count in the number of voters)
 */
public record Instance(Map<String, String> meta, Rational budget, VoteType voteType, List<Project> projects,
                       List<Ballot> ballots) {

    public Instance {
        meta = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(meta, "meta")));
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(voteType, "voteType");
        projects = List.copyOf(projects);
        ballots = List.copyOf(ballots);
        if (budget.signum() < 0) {
            throw new IllegalArgumentException("budget is negative: " + budget);
        }
        Map<String, Project> byId = new HashMap<>();
        for (Project project : projects) {
            if (byId.put(project.id(), project) != null) {
                throw new IllegalArgumentException("duplicate project id " + project.id());
            }
        }
        for (Ballot ballot : ballots) {
            for (String id : ballot.projectIds()) {
                if (!byId.containsKey(id)) {
                    throw new IllegalArgumentException("ballot names unknown project " + id);
                }
            }
            if (voteType.hasPoints() != ballot.hasPoints() && !ballot.projectIds().isEmpty()) {
                throw new IllegalArgumentException(voteType.hasPoints()
                        ? "a " + voteType.pabulibName() + " ballot has no points"
                        : "an " + voteType.pabulibName() + " ballot carries points");
            }
        }
    }

    /** An instance without metadata, e.g. for a round of the platform. */
    public static Instance of(Rational budget, VoteType voteType, List<Project> projects, List<Ballot> ballots) {
        return new Instance(Map.of(), budget, voteType, projects, ballots);
    }

    public Instance withMeta(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(meta);
        copy.put(key, value);
        return new Instance(copy, budget, voteType, projects, ballots);
    }

    public int numberOfVoters() {
        return ballots.size();
    }
}
