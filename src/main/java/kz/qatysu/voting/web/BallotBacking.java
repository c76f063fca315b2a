package kz.qatysu.voting.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.platform.faces.ViewParameters;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.round.application.RoundCatalog;
import kz.qatysu.round.application.RoundCatalog.RoundDetail;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.voting.application.BallotBox;
import kz.qatysu.voting.application.BallotSheet;
import kz.qatysu.voting.application.BallotSheet.BallotEntry;
import kz.qatysu.voting.application.MyBallot;
import kz.qatysu.voting.application.VotingService;
import kz.qatysu.voting.domain.BallotChoice;
import kz.qatysu.voting.domain.BallotOption;
import kz.qatysu.voting.domain.Channel;

/**
 * The citizen's ballot of one round ({@code /cabinet/ballot.xhtml?round=N}): choose, review, cast; then the receipt
 * and, until the close, a change of mind. View-scoped, so that the review and cast posts find the ballot the page
 * showed. The choice is checked against the round's frozen rule at the review, and again by the service at the cast.
 */
@Named
@ViewScoped
public class BallotBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Where the visitor is on the page. */
    public enum Step { CHOOSE, REVIEW, CAST }

    @EJB
    private VotingService voting;
    @EJB
    private RoundCatalog catalog;
    @EJB
    private kz.qatysu.anomaly.application.CastSignals signals;
    @Inject
    private FacesActions actions;
    @Inject
    private Messages messages;
    @Inject
    private Clock clock;

    private String round;
    private long roundId;
    private RoundDetail detail;
    private BallotSheet sheet;
    private boolean open;
    private Step step = Step.CHOOSE;
    private List<Row> rows = List.of();

    /** One project on the page with what the voter gave it. */
    public static final class Row implements Serializable {
        private static final long serialVersionUID = 1L;
        private final BallotEntry entry;
        private boolean picked;
        private Integer points;

        Row(BallotEntry entry) {
            this.entry = entry;
        }

        public BallotEntry getEntry() {
            return entry;
        }

        public boolean isPicked() {
            return picked;
        }

        public void setPicked(boolean picked) {
            this.picked = picked;
        }

        public Integer getPoints() {
            return points;
        }

        public void setPoints(Integer points) {
            this.points = points;
        }
    }

    /** View action: the round and the caller's ballot of it; 404 for an unknown round. */
    public void load() {
        if (detail != null) {
            return;
        }
        var id = ViewParameters.id(round);
        // 404 rendered in this request (FacesActions): the container's error dispatch fails on /cabinet pages on
        // Payara 7 (payara/Payara#7772).
        detail = actions.attempt(null, () -> id.flatMap(catalog::roundDetail).orElseThrow(() -> new NotFound("round")));
        if (detail == null) {
            return;
        }
        roundId = id.get();
        if (detail.phase().isBefore(Phase.VOTING)) {
            return;
        }
        sheet = actions.attempt(null, () -> voting.openBallot(roundId));
        if (sheet == null) {
            return;
        }
        open = detail.phase() == Phase.VOTING && clock.instant().isBefore(sheet.votingEndsAt());
        rows = sheet.options().stream().map(Row::new).toList();
        MyBallot current = sheet.current();
        if (current != null) {
            step = Step.CAST;
            for (Row row : rows) {
                Integer given = current.points().get(row.entry.proposalId());
                row.picked = given != null;
                row.points = isCumulative() ? given : null;
            }
        }
    }

    /** "Review my ballot": the choice, checked against the round's rule, shown for confirmation. */
    public void review() {
        if (!actions.attempt(null, () -> choice().requireValid(rule(), options(), sheet.budget()))) {
            return;
        }
        step = Step.REVIEW;
    }

    /** "Change": back to the choice, as it was. */
    public void change() {
        step = Step.CHOOSE;
    }

    /** "Cast my ballot": stored (or replacing the earlier one), then the receipt on the same page, redirected. */
    public String cast() {
        BallotBox.Cast cast = actions.attempt(null, () -> voting.cast(roundId, choice(), Channel.WEB));
        if (cast == null) {
            step = Step.CHOOSE;
            return null;
        }
        if (cast.changed()) {
            var request = (jakarta.servlet.http.HttpServletRequest) jakarta.faces.context.FacesContext
                    .getCurrentInstance().getExternalContext().getRequest();
            signals.record(roundId, Channel.WEB, request.getRemoteAddr(), request.getHeader("User-Agent"),
                    request.getHeader("Accept-Language"));
            messages.flashInfo(cast.version() == 1 ? "ballot.cast.done" : "ballot.cast.changed", cast.version());
        } else {
            messages.flashInfo("ballot.cast.same");
        }
        return "/cabinet/ballot?faces-redirect=true&round=" + roundId;
    }

    private BallotChoice choice() {
        if (isCumulative()) {
            Map<Long, Integer> points = new LinkedHashMap<>();
            for (Row row : rows) {
                if (row.points != null) {
                    points.put(row.entry.proposalId(), row.points);
                }
            }
            return BallotChoice.points(points);
        }
        return BallotChoice.approve(rows.stream().filter(Row::isPicked).map(r -> r.entry.proposalId()).toList());
    }

    /** The frozen rule as the sheet states it. */
    private BallotRule rule() {
        return switch (sheet.ballotKind()) {
            case "APPROVAL" -> BallotRule.approval(sheet.minPicks(), sheet.maxPicks());
            case "KNAPSACK" -> BallotRule.knapsack(sheet.minBudgetSharePercent());
            case "CUMULATIVE" -> BallotRule.cumulative(sheet.points(), sheet.maxPointsPerProject());
            default -> throw new DomainRuleViolation("ballot.error.empty");
        };
    }

    private List<BallotOption> options() {
        return sheet.options().stream().map(e -> new BallotOption(e.proposalId(), e.assessedCost())).toList();
    }

    // ---------------------------------------------------------------- what the page shows

    /** The rows chosen, for the review and the current ballot. */
    public List<Row> getChosen() {
        List<Row> chosen = new ArrayList<>();
        for (Row row : rows) {
            if (isCumulative() ? row.points != null && row.points > 0 : row.picked) {
                chosen.add(row);
            }
        }
        return chosen;
    }

    /** Total assessed cost of the chosen projects. */
    public long getChosenCost() {
        return getChosen().stream().mapToLong(r -> r.entry.assessedCost()).sum();
    }

    /** Points given in all. */
    public int getChosenPoints() {
        return rows.stream().mapToInt(r -> r.points == null ? 0 : r.points).sum();
    }

    /** The receipt code in groups of eight characters, for reading aloud and comparing. */
    public static String grouped(String code) {
        if (code == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < code.length(); i += 8) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(code, i, Math.min(code.length(), i + 8));
        }
        return sb.toString();
    }

    /** Why the caller may not vote, in the page's language (formatted only when the text takes an argument). */
    public String getIneligibleReason() {
        if (sheet == null || sheet.eligible()) {
            return "";
        }
        return sheet.ineligibleArgument() == null ? messages.text(sheet.ineligibleKey())
                : messages.text(sheet.ineligibleKey(), sheet.ineligibleArgument());
    }

    public String getReceiptGrouped() {
        return sheet == null || sheet.current() == null ? "" : grouped(sheet.current().receipt());
    }

    public boolean isCumulative() {
        return sheet != null && "CUMULATIVE".equals(sheet.ballotKind());
    }

    public boolean isKnapsack() {
        return sheet != null && "KNAPSACK".equals(sheet.ballotKind());
    }

    public boolean isApproval() {
        return sheet != null && "APPROVAL".equals(sheet.ballotKind());
    }

    /** Voting has not opened yet in this round. */
    public boolean isNotYetOpen() {
        return detail != null && detail.phase().isBefore(Phase.VOTING);
    }

    /** Voting in this round is over (or was stopped). */
    public boolean isClosed() {
        return sheet != null && !open;
    }

    /** The form is shown: voting open, voter eligible, choosing or reviewing. */
    public boolean isVoting() {
        return sheet != null && open && sheet.eligible() && step != Step.CAST;
    }

    /** "Change my ballot" on the current ballot. */
    public void changeBallot() {
        if (sheet != null && open && sheet.eligible()) {
            step = Step.CHOOSE;
        }
    }

    public String getRound() {
        return round;
    }

    public void setRound(String round) {
        this.round = round;
    }

    public long getRoundId() {
        return roundId;
    }

    public RoundDetail getDetail() {
        return detail;
    }

    public BallotSheet getSheet() {
        return sheet;
    }

    public boolean isOpen() {
        return open;
    }

    public Step getStep() {
        return step;
    }

    public List<Row> getRows() {
        return rows;
    }
}
