package kz.qatysu.allocation.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One anonymous ballot.
 *
 * @param projectIds the chosen projects: a set for approval ballots, a ranking (best first) for ordinal ones,
 *                   the projects given points for cumulative/scoring ones; may be empty
 * @param points     points per entry of {@code projectIds} for cumulative/scoring ballots, otherwise empty
 * @param ageBand    optional age band such as {@code "30-39"} (null when unknown)
 * @param sex        optional {@code M}/{@code F}/{@code O} (null when unknown)
 */
public record Ballot(List<String> projectIds, List<Rational> points, String ageBand, String sex) {

    public Ballot {
        projectIds = List.copyOf(Objects.requireNonNull(projectIds, "projectIds"));
        points = List.copyOf(Objects.requireNonNull(points, "points"));
        if (!points.isEmpty() && points.size() != projectIds.size()) {
            throw new IllegalArgumentException("points has " + points.size() + " entries but vote has "
                    + projectIds.size());
        }
        if (new HashSet<>(projectIds).size() != projectIds.size()) {
            throw new IllegalArgumentException("a project appears twice in one ballot: " + projectIds);
        }
    }

    public static Ballot approval(List<String> projectIds) {
        return new Ballot(projectIds, List.of(), null, null);
    }

    public static Ballot approval(String... projectIds) {
        return approval(List.of(projectIds));
    }

    public boolean hasPoints() {
        return !points.isEmpty();
    }
}
