package kz.qatysu.round.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import kz.qatysu.platform.domain.DomainRuleViolation;

/**
 * What a ballot of the round may contain: approval of between {@code minPicks} and {@code maxPicks} projects;
 * knapsack (any projects within the budget, optionally spending at least a share of it); or cumulative
 * ({@code points} to distribute, at most {@code maxPointsPerProject} on one project).
 */
@Embeddable
public class BallotRule {

    public enum Kind { APPROVAL, KNAPSACK, CUMULATIVE }

    @Enumerated(EnumType.STRING)
    @Column(name = "ballot_kind", length = 20)
    private Kind kind;

    @Column(name = "ballot_min_picks")
    private Integer minPicks;

    @Column(name = "ballot_max_picks")
    private Integer maxPicks;

    @Column(name = "ballot_min_budget_share")
    private Integer minBudgetSharePercent;

    @Column(name = "ballot_points")
    private Integer points;

    @Column(name = "ballot_max_points_per_project")
    private Integer maxPointsPerProject;

    protected BallotRule() {
        // for JPA
    }

    private BallotRule(Kind kind, Integer minPicks, Integer maxPicks, Integer minBudgetSharePercent, Integer points,
                       Integer maxPointsPerProject) {
        this.kind = kind;
        this.minPicks = minPicks;
        this.maxPicks = maxPicks;
        this.minBudgetSharePercent = minBudgetSharePercent;
        this.points = points;
        this.maxPointsPerProject = maxPointsPerProject;
    }

    /** Approval of at least {@code minPicks} (≥ 1) and at most {@code maxPicks} projects. */
    public static BallotRule approval(int minPicks, int maxPicks) {
        if (minPicks < 1 || maxPicks < minPicks || maxPicks > 1000) {
            throw new DomainRuleViolation("round.error.ballot-picks");
        }
        return new BallotRule(Kind.APPROVAL, minPicks, maxPicks, null, null, null);
    }

    /** Knapsack: any projects whose costs fit the budget; optionally at least a percentage (1..100) of it. */
    public static BallotRule knapsack(Integer minBudgetSharePercent) {
        if (minBudgetSharePercent != null && (minBudgetSharePercent < 1 || minBudgetSharePercent > 100)) {
            throw new DomainRuleViolation("round.error.ballot-budget-share");
        }
        return new BallotRule(Kind.KNAPSACK, null, null, minBudgetSharePercent, null, null);
    }

    /** Cumulative: {@code points} (≥ 1) to distribute, at most {@code maxPointsPerProject} on one project. */
    public static BallotRule cumulative(int points, int maxPointsPerProject) {
        if (points < 1 || points > 1000 || maxPointsPerProject < 1 || maxPointsPerProject > points) {
            throw new DomainRuleViolation("round.error.ballot-points");
        }
        return new BallotRule(Kind.CUMULATIVE, null, null, null, points, maxPointsPerProject);
    }

    public Kind kind() {
        return kind;
    }

    public Integer minPicks() {
        return minPicks;
    }

    public Integer maxPicks() {
        return maxPicks;
    }

    public Integer minBudgetSharePercent() {
        return minBudgetSharePercent;
    }

    public Integer points() {
        return points;
    }

    public Integer maxPointsPerProject() {
        return maxPointsPerProject;
    }

    /** The rule for the manifest: kind and the limits that apply to it. */
    Map<String, Object> toManifest() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.name().toLowerCase(java.util.Locale.ROOT));
        switch (kind) {
            case APPROVAL -> {
                m.put("minPicks", minPicks);
                m.put("maxPicks", maxPicks);
            }
            case KNAPSACK -> m.put("minBudgetSharePercent", minBudgetSharePercent);
            case CUMULATIVE -> {
                m.put("points", points);
                m.put("maxPointsPerProject", maxPointsPerProject);
            }
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BallotRule other && kind == other.kind && Objects.equals(minPicks, other.minPicks)
                && Objects.equals(maxPicks, other.maxPicks)
                && Objects.equals(minBudgetSharePercent, other.minBudgetSharePercent)
                && Objects.equals(points, other.points)
                && Objects.equals(maxPointsPerProject, other.maxPointsPerProject);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, minPicks, maxPicks, minBudgetSharePercent, points, maxPointsPerProject);
    }
}
