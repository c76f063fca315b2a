package kz.qatysu.round.web;

import java.io.Serializable;
import kz.qatysu.round.application.RoundForm;

/** The ballot rule as its form edits it: the kind and the limits of that kind. */
public class BallotFields implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String APPROVAL = "APPROVAL";
    public static final String KNAPSACK = "KNAPSACK";
    public static final String CUMULATIVE = "CUMULATIVE";

    private String kind = APPROVAL;
    private Integer minPicks = 1;
    private Integer maxPicks = 5;
    private Integer minBudgetSharePercent;
    private Integer points = 10;
    private Integer maxPointsPerProject = 5;

    static BallotFields of(RoundForm.Ballot b) {
        BallotFields f = new BallotFields();
        if (b != null) {
            f.kind = b.kind();
            f.minPicks = b.minPicks();
            f.maxPicks = b.maxPicks();
            f.minBudgetSharePercent = b.minBudgetSharePercent();
            f.points = b.points();
            f.maxPointsPerProject = b.maxPointsPerProject();
        }
        return f;
    }

    /** The rule with only the limits of the chosen kind. */
    RoundForm.Ballot toBallot() {
        return switch (kind == null ? "" : kind) {
            case APPROVAL -> new RoundForm.Ballot(kind, minPicks, maxPicks, null, null, null);
            case KNAPSACK -> new RoundForm.Ballot(kind, null, null, minBudgetSharePercent, null, null);
            case CUMULATIVE -> new RoundForm.Ballot(kind, null, null, null, points, maxPointsPerProject);
            default -> new RoundForm.Ballot(kind, null, null, null, null, null);
        };
    }

    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public Integer getMinPicks() {
        return minPicks;
    }

    public void setMinPicks(Integer minPicks) {
        this.minPicks = minPicks;
    }

    public Integer getMaxPicks() {
        return maxPicks;
    }

    public void setMaxPicks(Integer maxPicks) {
        this.maxPicks = maxPicks;
    }

    public Integer getMinBudgetSharePercent() {
        return minBudgetSharePercent;
    }

    public void setMinBudgetSharePercent(Integer minBudgetSharePercent) {
        this.minBudgetSharePercent = minBudgetSharePercent;
    }

    public Integer getPoints() {
        return points;
    }

    public void setPoints(Integer points) {
        this.points = points;
    }

    public Integer getMaxPointsPerProject() {
        return maxPointsPerProject;
    }

    public void setMaxPointsPerProject(Integer maxPointsPerProject) {
        this.maxPointsPerProject = maxPointsPerProject;
    }
}
