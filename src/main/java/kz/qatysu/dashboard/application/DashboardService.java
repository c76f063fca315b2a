package kz.qatysu.dashboard.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.Serializable;
import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import kz.qatysu.dashboard.domain.AgeSexTable;
import kz.qatysu.dashboard.domain.KAnonymity;
import kz.qatysu.monitoring.application.ImplementationService;
import kz.qatysu.monitoring.application.OverdueReport;
import kz.qatysu.opendata.application.OpenDataExport;
import kz.qatysu.platform.cache.FiguresCache;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.platform.text.LocalizedText;
import kz.qatysu.staff.application.StaffService;
import kz.qatysu.staff.domain.StaffScope;
import kz.qatysu.territory.domain.KatoCode;
import kz.qatysu.voting.domain.Channel;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The participation dashboard: figures of one drill-down level (the republic, or a KATO unit) broken down by the units
 * directly below it, optionally for one round. Voter-side figures count the residents of the level's subtree with a
 * counted ballot (who voted, {@code voting_participation}, joined to {@code citizen} for residence, birth date and sex;
 * never what was voted). Every query is restricted to the level's subtree, and the level must lie within the caller's
 * territorial scope: akimat staff cannot reach another territory's figures, whatever request they craft.
 */
@Stateless
@RolesAllowed({Roles.MODERATOR, Roles.REVIEWER, Roles.ANALYST, Roles.ADMIN})
public class DashboardService {

    /**
     * The residents of the level's units ({@code units a}) with their participations that hold a counted ballot
     * ({@code vp}), one row per person and round: who voted, never what.
     */
    private static final String COUNTED_VOTERS = "from units a join citizen c on c.territory_code = a.code "
            + "join voting_participation vp on vp.citizen_id = c.id and vp.casts > 0 ";

    /** A unit on the way from the republic down to the level (the breadcrumb); {@code code} null for the republic. */
    public record Crumb(String code, LocalizedText name) implements Serializable {
    }

    /** The drill-down level: where it is, and whether the caller may go up from it. */
    public record Level(String code, LocalizedText name, List<Crumb> path, boolean republic) implements Serializable {
    }

    /** A round the caller may filter by. */
    public record RoundOption(long id, LocalizedText title, String territoryCode) implements Serializable {
    }

    /**
     * Turnout of one unit below the level: counted ballots of its residents, distinct voters, eligible residents
     * (null when not loaded) and voters as a percentage of them. {@code self} marks residents registered at the
     * level's own code; {@code drillable} whether the unit has units below it.
     */
    public record TurnoutLine(String code, LocalizedText name, long ballots, long voters, Integer eligible,
                              Double percent, boolean self, boolean drillable) implements Serializable {
    }

    /** Counted ballots cast on one day (the round's time zone). */
    public record DayLine(LocalDate day, long ballots) implements Serializable {
    }

    /** Counted ballots per channel. */
    public record ChannelLine(String channel, long ballots) implements Serializable {
    }

    /** Proposals of one unit and category at each stage they reached. */
    public record FunnelLine(String code, LocalizedText territory, String category, LocalizedText categoryName,
                             long submitted, long accepted, long feasible, long onBallot, long funded,
                             long completed)
            implements Serializable {
    }

    /** Money allocated by counted rounds to funded projects of one unit and category. */
    public record BudgetLine(String code, LocalizedText territory, String category, LocalizedText categoryName,
                             long projects, long allocated) implements Serializable {
    }

    private static final String COUNTED_STATUSES_ACCEPTED =
            "'ACCEPTED','UNDER_REVIEW','FEASIBLE','INFEASIBLE','ON_BALLOT','FUNDED','NOT_FUNDED'";
    private static final String COUNTED_STATUSES_FEASIBLE = "'FEASIBLE','ON_BALLOT','FUNDED','NOT_FUNDED'";
    private static final String COUNTED_STATUSES_ON_BALLOT = "'ON_BALLOT','FUNDED','NOT_FUNDED'";

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @EJB
    private StaffService staff;
    @Inject
    @ConfigProperty(name = "qatysu.opendata.k-anonymity", defaultValue = "10")
    int k;

    /**
     * How long the figures of a level are served before they are counted again (one count for all callers at the
     * same time); zero counts on every request.
     */
    @Inject
    @ConfigProperty(name = "qatysu.dashboard.refresh", defaultValue = "PT30S")
    Duration refresh;

    @Inject
    private FiguresCache figures;
    @EJB
    private ImplementationService implementation;

    /** Where the caller's dashboard starts: the republic for analysts and admins, their own unit for akimat staff. */
    public String home() {
        StaffScope scope = staff.callerScope();
        return switch (scope.kind()) {
            case ALL -> null;
            case SUBTREE -> scope.territory().value();
            case NONE -> throw new AccessRefused("staff.error.out-of-scope");
        };
    }

    /**
     * The level and its breadcrumb.
     *
     * @param code a KATO code, or null for the republic
     * @throws AccessRefused outside the caller's scope (the republic needs a scope over everything)
     * @throws NotFound      for a code not in the classifier
     */
    public Level level(String code) {
        KatoCode level = requireLevel(code);
        if (level == null) {
            return new Level(null, null, List.of(), true);
        }
        List<Crumb> path = new ArrayList<>();
        LocalizedText name = null;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("with recursive up(code, parent_code, name_kk, name_ru, name_en, "
                        + "depth) as (select code, parent_code, name_kk, name_ru, name_en, 0 from territory where code = ?1 "
                        + "union all select t.code, t.parent_code, t.name_kk, t.name_ru, t.name_en, u.depth + 1 "
                        + "from territory t join up u on t.code = u.parent_code) "
                        + "select code, name_kk, name_ru, name_en from up order by depth desc")
                .setParameter(1, level.value()).getResultList();
        if (rows.isEmpty()) {
            throw new NotFound("territory " + level.value());
        }
        StaffScope scope = staff.callerScope();
        for (Object[] r : rows) {
            String c = ((String) r[0]).strip();
            LocalizedText n = new LocalizedText((String) r[1], (String) r[2], (String) r[3]);
            if (c.equals(level.value())) {
                name = n;
            } else if (scope.covers(KatoCode.of(c))) {
                path.add(new Crumb(c, n)); // akimat staff see no crumbs above their own unit
            }
        }
        return new Level(level.value(), name, List.copyOf(path), false);
    }

    /** Rounds whose territory overlaps the level (inside it or above it), newest first. */
    @SuppressWarnings("unchecked")
    public List<RoundOption> rounds(String code) {
        KatoCode level = requireLevel(code);
        return figures.get(java.util.Arrays.asList("rounds", key(level)), refresh, () -> {
            List<Object[]> rows = em.createNativeQuery("select id, title_kk, title_ru, title_en, territory_code "
                    + "from budget_round where phase in ('VOTING', 'COUNTING', 'RESULTS_PUBLISHED', 'IMPLEMENTATION') "
                    + "order by created_at desc, id desc").setMaxResults(1000).getResultList();
            return rows.stream()
                    .filter(r -> {
                        KatoCode t = KatoCode.of(((String) r[4]).strip());
                        return level == null || t.isWithin(level) || level.isWithin(t);
                    })
                    .map(r -> new RoundOption(((Number) r[0]).longValue(),
                            new LocalizedText((String) r[1], (String) r[2], (String) r[3]), ((String) r[4]).strip()))
                    .toList();
        });
    }

    /** Turnout per unit directly below the level (and residents registered at the level's own code). */
    @SuppressWarnings("unchecked")
    public List<TurnoutLine> turnout(String code, Long roundId) {
        KatoCode level = requireLevel(code);
        return figures.get(java.util.Arrays.asList("turnout", key(level), roundId), refresh, () -> {
            Query q = em.createNativeQuery(units(level)
                    + ", votes as (select a.child, count(*) ballots, count(distinct c.id) voters " + COUNTED_VOTERS
                    + "where (?2 = 0 or vp.round_id = ?2) group by a.child), "
                    + "eligible as (select a.child, "
                    + "max(case when e.territory_code = a.child then e.eligible_residents end) own, "
                    + "sum(case when e.territory_code <> a.child then e.eligible_residents end) below "
                    + "from units a join eligible_population e on e.territory_code = a.code group by a.child) "
                    + "select u.child, t.name_kk, t.name_ru, t.name_en, coalesce(v.ballots, 0), coalesce(v.voters, 0), "
                    + "el.own, el.below, exists (select 1 from territory x where x.parent_code = u.child) "
                    + "from (select distinct child from units) u join territory t on t.code = u.child "
                    + "left join votes v on v.child = u.child left join eligible el on el.child = u.child "
                    + "order by t.name_ru, u.child");
            List<Object[]> rows = bind(q, level, roundId).getResultList();
            boolean levelHasUnitsBelow = rows.size() > 1 || (level == null && !rows.isEmpty());
            List<TurnoutLine> lines = new ArrayList<>();
            for (Object[] r : rows) {
                String c = ((String) r[0]).strip();
                boolean self = level != null && c.equals(level.value());
                long ballots = ((Number) r[4]).longValue();
                long voters = ((Number) r[5]).longValue();
                if (self && levelHasUnitsBelow && ballots == 0) {
                    continue; // nobody registered at the level's own code voted: no line
                }
                Integer eligible = r[6] != null ? Integer.valueOf(((Number) r[6]).intValue())
                        : r[7] != null && !(self && levelHasUnitsBelow) ? Integer.valueOf(((Number) r[7]).intValue()) : null;
                if (self && levelHasUnitsBelow) {
                    eligible = null; // the level's own figure covers all units below, not only those registered at its code
                }
                Double percent = eligible == null || eligible == 0 ? null
                        : Math.round(voters * 1000.0 / eligible) / 10.0;
                lines.add(new TurnoutLine(c, new LocalizedText((String) r[1], (String) r[2], (String) r[3]), ballots,
                        voters, eligible, percent, self, !self && (Boolean) r[8]));
            }
            return List.copyOf(lines);
        });
    }

    /** Counted ballots of the level's residents per day of casting. */
    @SuppressWarnings("unchecked")
    public List<DayLine> ballotsPerDay(String code, Long roundId) {
        KatoCode level = requireLevel(code);
        return figures.get(java.util.Arrays.asList("days", key(level), roundId), refresh, () -> {
            Query q = em.createNativeQuery(units(level)
                    + " select (vp.last_cast_at at time zone r.zone_id)::date d, count(*) " + COUNTED_VOTERS
                    + "join budget_round r on r.id = vp.round_id where (?2 = 0 or vp.round_id = ?2) group by d order by d");
            List<Object[]> rows = bind(q, level, roundId).getResultList();
            return rows.stream().map(r -> new DayLine(((Date) r[0]).toLocalDate(), ((Number) r[1]).longValue())).toList();
        });
    }

    /** Counted ballots of the level's residents per channel, every channel listed. */
    @SuppressWarnings("unchecked")
    public List<ChannelLine> channels(String code, Long roundId) {
        KatoCode level = requireLevel(code);
        return figures.get(java.util.Arrays.asList("channels", key(level), roundId), refresh, () -> {
            Query q = em.createNativeQuery(units(level)
                    + " select vp.channel, count(*) " + COUNTED_VOTERS
                    + "where (?2 = 0 or vp.round_id = ?2) group by vp.channel");
            Map<Channel, Long> counts = new EnumMap<>(Channel.class);
            for (Channel c : Channel.values()) {
                counts.put(c, 0L);
            }
            List<Object[]> rows = bind(q, level, roundId).getResultList();
            for (Object[] r : rows) {
                if (r[0] != null) {
                    counts.put(Channel.valueOf(((String) r[0]).strip()), ((Number) r[1]).longValue());
                }
            }
            return counts.entrySet().stream().map(e -> new ChannelLine(e.getKey().name(), e.getValue())).toList();
        });
    }

    /**
     * Voters by age band (age on the day of their counted ballot, the open data's bands) and sex (from the IIN), each
     * cell of fewer than k people suppressed.
     */
    @SuppressWarnings("unchecked")
    public AgeSexTable ageAndSex(String code, Long roundId) {
        KatoCode level = requireLevel(code);
        return figures.get(java.util.Arrays.asList("agesex", key(level), roundId), refresh, () -> {
            Query q = em.createNativeQuery(units(level)
                    + " select extract(year from age((vp.last_cast_at at time zone r.zone_id)::date, c.birth_date))::int, "
                    + "c.sex, count(*) " + COUNTED_VOTERS
                    + "join budget_round r on r.id = vp.round_id where (?2 = 0 or vp.round_id = ?2) group by 1, 2");
            List<Object[]> rows = bind(q, level, roundId).getResultList();
            List<AgeSexTable.AgeCount> counts = rows.stream().map(r -> new AgeSexTable.AgeCount(
                    ((Number) r[0]).intValue(), ((String) r[1]).strip(), ((Number) r[2]).longValue())).toList();
            return AgeSexTable.of(counts, OpenDataExport::ageBand, new KAnonymity(k));
        });
    }

    /** Proposals funnel per unit below the level and category: a page of it. */
    @SuppressWarnings("unchecked")
    public List<FunnelLine> funnel(String code, Long roundId, int first, int pageSize) {
        KatoCode level = requireLevel(code);
        return figures.get(java.util.Arrays.asList("funnel", key(level), roundId, first, pageSize), refresh, () -> {
            Query q = em.createNativeQuery(units(level)
                    + ", f as (select a.child, p.category_code, "
                    + "count(*) filter (where p.submitted_at is not null) submitted, "
                    + "count(*) filter (where p.status in (" + COUNTED_STATUSES_ACCEPTED + ")) accepted, "
                    + "count(*) filter (where p.status in (" + COUNTED_STATUSES_FEASIBLE + ")) feasible, "
                    + "count(*) filter (where p.status in (" + COUNTED_STATUSES_ON_BALLOT + ")) on_ballot, "
                    + "count(*) filter (where exists (select 1 from round_outcome_project op "
                    + "where op.proposal_id = p.id and op.funded)) funded, "
                    + "count(*) filter (where exists (select 1 from implementation i "
                    + "where i.proposal_id = p.id and i.status = 'COMPLETED')) completed, min(p.round_id) any_round "
                    + "from units a join proposal p on p.territory_code = a.code "
                    + "where (?2 = 0 or p.round_id = ?2) and p.submitted_at is not null group by a.child, p.category_code) "
                    + "select f.child, t.name_kk, t.name_ru, t.name_en, f.category_code, rc.name_kk, rc.name_ru, rc.name_en, "
                    + "f.submitted, f.accepted, f.feasible, f.on_ballot, f.funded, f.completed from f "
                    + "join territory t on t.code = f.child "
                    + "left join budget_round_category rc on rc.round_id = f.any_round and rc.code = f.category_code "
                    + "order by t.name_ru, f.child, f.category_code");
            List<Object[]> rows = bind(q, level, roundId).setFirstResult(first).setMaxResults(pageSize).getResultList();
            return rows.stream().map(r -> new FunnelLine(((String) r[0]).strip(),
                    new LocalizedText((String) r[1], (String) r[2], (String) r[3]), (String) r[4], category(r, 5),
                    n(r[8]), n(r[9]), n(r[10]), n(r[11]), n(r[12]), n(r[13]))).toList();
        });
    }

    /** How many lines the funnel has (for the lazy table's pages). */
    public int funnelCount(String code, Long roundId) {
        KatoCode level = requireLevel(code);
        return figures.get(java.util.Arrays.asList("funnel-count", key(level), roundId), refresh, () -> {
            Query q = em.createNativeQuery(units(level) + " select count(distinct (a.child, p.category_code)) "
                    + "from units a join proposal p on p.territory_code = a.code "
                    + "where (?2 = 0 or p.round_id = ?2) and p.submitted_at is not null");
            return ((Number) bind(q, level, roundId).getSingleResult()).intValue();
        });
    }

    /** Money allocated to funded projects per unit below the level and category: a page of it. */
    @SuppressWarnings("unchecked")
    public List<BudgetLine> budget(String code, Long roundId, int first, int pageSize) {
        KatoCode level = requireLevel(code);
        return figures.get(java.util.Arrays.asList("budget", key(level), roundId, first, pageSize), refresh, () -> {
            Query q = em.createNativeQuery(units(level)
                    + ", b as (select a.child, p.category_code, count(*) projects, sum(op.amount) allocated, "
                    + "min(p.round_id) any_round from units a join proposal p on p.territory_code = a.code "
                    + "join round_outcome_project op on op.proposal_id = p.id and op.funded "
                    + "where (?2 = 0 or op.round_id = ?2) group by a.child, p.category_code) "
                    + "select b.child, t.name_kk, t.name_ru, t.name_en, b.category_code, rc.name_kk, rc.name_ru, rc.name_en, "
                    + "b.projects, b.allocated from b join territory t on t.code = b.child "
                    + "left join budget_round_category rc on rc.round_id = b.any_round and rc.code = b.category_code "
                    + "order by t.name_ru, b.child, b.category_code");
            List<Object[]> rows = bind(q, level, roundId).setFirstResult(first).setMaxResults(pageSize).getResultList();
            return rows.stream().map(r -> new BudgetLine(((String) r[0]).strip(),
                    new LocalizedText((String) r[1], (String) r[2], (String) r[3]), (String) r[4], category(r, 5),
                    n(r[8]), n(r[9]))).toList();
        });
    }

    /** How many lines the budget table has. */
    public int budgetCount(String code, Long roundId) {
        KatoCode level = requireLevel(code);
        return figures.get(java.util.Arrays.asList("budget-count", key(level), roundId), refresh, () -> {
            Query q = em.createNativeQuery(units(level) + " select count(distinct (a.child, p.category_code)) "
                    + "from units a join proposal p on p.territory_code = a.code "
                    + "join round_outcome_project op on op.proposal_id = p.id and op.funded where (?2 = 0 or op.round_id = ?2)");
            return ((Number) bind(q, level, roundId).getSingleResult()).intValue();
        });
    }

    /** How often the figures are counted again, in seconds (0: on every request), for the page to say so. */
    public long refreshSeconds() {
        return refresh.isNegative() ? 0 : refresh.toSeconds();
    }

    /**
     * The implementation of the level's funded projects with the 20 most overdue (see
     * {@link ImplementationService#overdue}), counted like the other figures.
     */
    public OverdueReport overdue(String code) {
        KatoCode level = requireLevel(code);
        return figures.get(java.util.Arrays.asList("overdue", key(level)), refresh,
                () -> implementation.overdue(code, 0, 20));
    }

    /** The level in a cache key: the republic is the empty string. */
    private static String key(KatoCode level) {
        return level == null ? "" : level.value();
    }

    /** The k of the age-and-sex breakdown. */
    public int k() {
        return k;
    }

    /**
     * The check every figure goes through: the level must lie within the caller's scope; the republic (null) only
     * for a scope over everything.
     */
    private KatoCode requireLevel(String code) {
        if (code == null || code.isBlank()) {
            if (staff.callerScope().kind() != StaffScope.Kind.ALL) {
                throw new AccessRefused("staff.error.out-of-scope");
            }
            return null;
        }
        if (!KatoCode.isWellFormed(code.strip())) {
            throw new NotFound("territory " + code.length());
        }
        KatoCode level = KatoCode.of(code.strip());
        staff.requireScope(level);
        return level;
    }

    /**
     * {@code units(code, child)}: every unit of the level's subtree mapped to the unit directly below the level it
     * lies in, plus the level's own code mapped to itself (residents registered at it). Parameter 1 is the level.
     */
    private static String units(KatoCode level) {
        String base = level == null
                ? "select code, code from territory where parent_code is null and ?1 = ''"
                : "select code, code from territory where parent_code = ?1";
        String units = level == null ? "select code, child from below"
                : "select code, child from below union all select cast(?1 as char(9)), cast(?1 as char(9))";
        return "with recursive below(code, child) as (" + base
                + " union all select t.code, b.child from territory t join below b on t.parent_code = b.code), "
                + "units as (" + units + ")";
    }

    private static Query bind(Query q, KatoCode level, Long roundId) {
        return q.setParameter(1, level == null ? "" : level.value()).setParameter(2, roundId == null ? 0L : roundId);
    }

    private static LocalizedText category(Object[] r, int from) {
        if (r[from + 1] == null) {
            return null;
        }
        return new LocalizedText((String) r[from], (String) r[from + 1],
                r[from + 2] == null ? (String) r[from + 1] : (String) r[from + 2]);
    }

    private static long n(Object o) {
        return ((Number) o).longValue();
    }
}
