package kz.qatysu.dashboard.web;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import kz.qatysu.dashboard.application.DashboardService;
import kz.qatysu.dashboard.application.DashboardService.BudgetLine;
import kz.qatysu.dashboard.application.DashboardService.ChannelLine;
import kz.qatysu.dashboard.application.DashboardService.DayLine;
import kz.qatysu.dashboard.application.DashboardService.FunnelLine;
import kz.qatysu.dashboard.application.DashboardService.Level;
import kz.qatysu.dashboard.application.DashboardService.RoundOption;
import kz.qatysu.dashboard.application.DashboardService.TurnoutLine;
import kz.qatysu.dashboard.domain.AgeSexTable;
import kz.qatysu.dashboard.domain.ChartJson;
import kz.qatysu.platform.faces.FacesActions;
import kz.qatysu.platform.faces.LocaleBacking;
import kz.qatysu.platform.faces.Messages;
import kz.qatysu.platform.faces.ViewParameters;
import org.primefaces.event.ItemSelectEvent;

/**
 * {@code /staff/dashboard.xhtml[?territory=KATO][&round=N]}: participation figures of one level, broken down by the
 * units below it. Drilling down (a bar of the turnout chart, a row of its table) and up (the breadcrumb) are GET
 * requests, so every level has its own address — and every address goes through the service's scope check (403
 * outside the caller's territory).
 */
@Named
@ViewScoped
public class DashboardBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @EJB
    private DashboardService dashboard;
    @Inject
    private FacesActions actions;
    @Inject
    private LocaleBacking locale;
    @Inject
    private Messages messages;

    private String territory;
    private String round;
    private Long roundId;
    private Level level;
    private List<RoundOption> rounds = List.of();
    private List<TurnoutLine> turnout = List.of();
    private List<DayLine> days = List.of();
    private List<ChannelLine> channels = List.of();
    private AgeSexTable ageSex;
    private DashboardTable<FunnelLine> funnel;
    private DashboardTable<BudgetLine> budget;
    private kz.qatysu.monitoring.application.OverdueReport overdue;

    /** View action: every figure of the level, one query each. */
    public void load() {
        if (round != null && !round.isBlank()) {
            Optional<Long> id = ViewParameters.id(round);
            if (id.isEmpty()) {
                ViewParameters.notFound();
                return;
            }
            roundId = id.get();
        }
        actions.attempt(null, () -> {
            String code = territory == null || territory.isBlank() ? dashboard.home() : territory.strip();
            level = dashboard.level(code);
            rounds = dashboard.rounds(code);
            turnout = dashboard.turnout(code, roundId);
            days = dashboard.ballotsPerDay(code, roundId);
            channels = dashboard.channels(code, roundId);
            ageSex = dashboard.ageAndSex(code, roundId);
            overdue = dashboard.overdue(code);
            Long r = roundId;
            DashboardService service = dashboard;
            funnel = new DashboardTable<>((first, size) -> service.funnel(code, r, first, size),
                    () -> service.funnelCount(code, r));
            budget = new DashboardTable<>((first, size) -> service.budget(code, r, first, size),
                    () -> service.budgetCount(code, r));
        });
    }

    /** A click on a bar of the turnout chart: to the level of that unit (when there is one below it). */
    public void drill(ItemSelectEvent event) throws IOException {
        int index = event.getItemIndex();
        if (index < 0 || index >= turnout.size() || !turnout.get(index).drillable()) {
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/staff/dashboard.xhtml?territory="
                + URLEncoder.encode(turnout.get(index).code(), StandardCharsets.UTF_8)
                + (roundId == null ? "" : "&round=" + roundId));
    }

    /** How often the figures are counted again, in seconds (0: on every request). */
    public long getRefreshSeconds() {
        return dashboard.refreshSeconds();
    }

    /** Funded projects of the level: monitored, completed, overdue; the 20 most overdue. */
    public kz.qatysu.monitoring.application.OverdueReport getOverdue() {
        return overdue;
    }

    public String getTurnoutChart() {
        return ChartJson.horizontalBar(new ChartJson.Series(messages.text("dashboard.turnout.voters"),
                turnout.stream().map(l -> l.name().in(locale.getLanguage())).toList(),
                turnout.stream().map(TurnoutLine::voters).toList()), "#1f6feb");
    }

    public String getDaysChart() {
        return ChartJson.line(new ChartJson.Series(messages.text("dashboard.days.ballots"),
                days.stream().map(d -> d.day().toString()).toList(),
                days.stream().map(DayLine::ballots).toList()), "#2da44e");
    }

    public String getChannelsChart() {
        return ChartJson.bar(new ChartJson.Series(messages.text("dashboard.channels.ballots"),
                channels.stream().map(c -> messages.text("dashboard.channel." + c.channel())).toList(),
                channels.stream().map(ChannelLine::ballots).toList()), "#bf8700");
    }

    /** The text alternative of the turnout chart: the same numbers in a sentence (the table below has them all). */
    public String getTurnoutSummary() {
        StringBuilder s = new StringBuilder(messages.text("dashboard.turnout.title")).append(": ");
        for (TurnoutLine l : turnout) {
            s.append(l.name().in(locale.getLanguage())).append(' ').append(l.voters())
                    .append(l.percent() == null ? "" : " (" + l.percent() + " %)").append("; ");
        }
        return s.toString();
    }

    public String getDaysSummary() {
        StringBuilder s = new StringBuilder(messages.text("dashboard.days.title")).append(": ");
        days.forEach(d -> s.append(d.day()).append(' ').append(d.ballots()).append("; "));
        return s.toString();
    }

    public String getChannelsSummary() {
        StringBuilder s = new StringBuilder(messages.text("dashboard.channels.title")).append(": ");
        channels.forEach(c -> s.append(messages.text("dashboard.channel." + c.channel())).append(' ')
                .append(c.ballots()).append("; "));
        return s.toString();
    }

    public long getTotalBallots() {
        return turnout.stream().mapToLong(TurnoutLine::ballots).sum();
    }

    public String getTerritory() {
        return territory;
    }

    public void setTerritory(String territory) {
        this.territory = territory;
    }

    public String getRound() {
        return round;
    }

    public void setRound(String round) {
        this.round = round;
    }

    public Long getRoundId() {
        return roundId;
    }

    public Level getLevel() {
        return level;
    }

    public List<RoundOption> getRounds() {
        return rounds;
    }

    public List<TurnoutLine> getTurnout() {
        return turnout;
    }

    public List<DayLine> getDays() {
        return days;
    }

    public List<ChannelLine> getChannels() {
        return channels;
    }

    public AgeSexTable getAgeSex() {
        return ageSex;
    }

    public DashboardTable<FunnelLine> getFunnel() {
        return funnel;
    }

    public DashboardTable<BudgetLine> getBudget() {
        return budget;
    }
}
