package kz.qatysu.voting.web;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.voting.application.PaperBallotLine;
import kz.qatysu.voting.application.PaperBallotService;
import kz.qatysu.voting.application.PaperEntryResult;
import kz.qatysu.voting.application.PaperRound;

/**
 * Staff page {@code /staff/paper-ballots?round=N}: without a round, the rounds in voting of the caller's territory;
 * with one, the first-entry form, the blind second-entry form and the paper ballots still waiting, with the
 * moderator's decisions. Every action redirects back to the page (PRG).
 */
@Named
@ViewScoped
public class PaperBallotsBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    static final String FIRST_FORM = "firstForm";
    static final String SECOND_FORM = "secondForm";

    /** Where a refusal is shown: the input it is about, or the marks. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("paper.error.serial", "serial"),
            Map.entry("paper.error.serial-taken", "serial"),
            Map.entry("paper.error.serial-unknown", "serial"),
            Map.entry("paper.error.same-person", "serial"),
            Map.entry("paper.error.decided", "serial"),
            Map.entry("paper.error.iin-invalid", "iin"),
            Map.entry("paper.error.voted-online", "iin"),
            Map.entry("paper.error.already-paper", "iin"),
            Map.entry("paper.error.too-young", "iin"),
            Map.entry("paper.error.name", "surname"),
            Map.entry("paper.error.name-differs", "surname"),
            Map.entry("paper.error.residence-unknown", "residenceCode"),
            Map.entry("paper.error.not-resident", "residenceCode"));

    @EJB
    private PaperBallotService papers;
    @Inject
    private FacesActions actions;
    @Inject
    private Messages messages;

    /** The view parameter as received; anything but a round's id answers 404. */
    private String roundParam;
    private List<PaperRound> rounds;
    private PaperRound round;
    private List<PaperBallotLine> lines;
    private final PaperEntryFields first = new PaperEntryFields();
    private final PaperEntryFields second = new PaperEntryFields();

    /** View action: the rounds, or one round with its waiting ballots. */
    public void load() {
        if (roundParam == null || roundParam.isEmpty()) {
            rounds = actions.attempt(null, () -> papers.rounds());
            return;
        }
        round = actions.attempt(null, () -> papers.round(parseId(roundParam)));
        if (round != null) {
            lines = actions.attempt(null, () -> papers.openBallots(round.id()));
        }
    }

    private static long parseId(String raw) {
        if (!raw.matches("[0-9]{1,18}")) {
            throw new NotFound("round");
        }
        return Long.parseLong(raw);
    }

    public String enterFirst() {
        return enter(FIRST_FORM, first, () -> papers.enterFirst(round.id(), first.toForm()));
    }

    public String enterAgain() {
        return enter(SECOND_FORM, second, () -> papers.enterAgain(round.id(), second.toForm()));
    }

    private String enter(String form, PaperEntryFields fields, Supplier<PaperEntryResult> action) {
        if (!fields.pointsWellFormed()) {
            messages.error(form + ":choice", "paper.error.points");
            return null;
        }
        Function<String, String> fieldOf = key -> key.startsWith("ballot.error.") ? form + ":choice"
                : FIELDS.containsKey(key) ? form + ":" + FIELDS.get(key) : null;
        PaperEntryResult result = actions.attemptPerField(fieldOf, action);
        if (result == null) {
            return null;
        }
        String key = "paper.entered." + result.status().name().toLowerCase(java.util.Locale.ROOT);
        messages.flashInfo(result.votedOnline() && result.status().name().equals("PENDING")
                ? "paper.entered.pending-online" : key, fieldsSerial(fields));
        return again();
    }

    private static String fieldsSerial(PaperEntryFields fields) {
        return fields.getSerial() == null ? "" : fields.getSerial().strip().toUpperCase(java.util.Locale.ROOT);
    }

    public String count(PaperBallotLine line) {
        boolean done = actions.attempt(null, () -> papers.count(round.id(), line.id()));
        if (!done) {
            return null;
        }
        messages.flashInfo("paper.counted", line.serial());
        return again();
    }

    public String reject(PaperBallotLine line) {
        boolean done = actions.attempt(null, () -> papers.reject(round.id(), line.id()));
        if (!done) {
            return null;
        }
        messages.flashInfo("paper.rejected", line.serial());
        return again();
    }

    private String again() {
        return "/staff/paper-ballots?faces-redirect=true&round=" + round.id();
    }

    public String getRoundParam() {
        return roundParam;
    }

    public void setRoundParam(String roundParam) {
        this.roundParam = roundParam;
    }

    public List<PaperRound> getRounds() {
        return rounds;
    }

    public PaperRound getRound() {
        return round;
    }

    public List<PaperBallotLine> getLines() {
        return lines;
    }

    public PaperEntryFields getFirst() {
        return first;
    }

    public PaperEntryFields getSecond() {
        return second;
    }
}
