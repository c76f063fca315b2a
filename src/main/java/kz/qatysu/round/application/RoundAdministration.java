package kz.qatysu.round.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.audit.application.AuditTrail;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.platform.security.Roles;
import kz.qatysu.proposal.domain.AuthorNotification;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.PaperAfterOnline;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.PhaseChanged;
import kz.qatysu.round.domain.PhaseCalendar;
import kz.qatysu.round.domain.RoundCategory;
import kz.qatysu.round.domain.RoundText;
import kz.qatysu.staff.application.StaffService;
import kz.qatysu.territory.application.TerritoryRepository;
import kz.qatysu.territory.domain.KatoCode;

/**
 * Operators set rounds up and move them through their phases; the calendar moves them too (see
 * {@link RoundCalendarTimer}). Each phase step carries its consequences for the proposals: support collection
 * opens for submitted proposals and closes with the threshold; feasible proposals are placed on the ballot as voting
 * opens, which freezes the rules into the published manifest. Every change is in the audit log.
 */
@Stateless
public class RoundAdministration {

    private static final Actor CALENDAR = Actor.system("calendar");

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private SessionContext session;
    @EJB
    private StaffService staff;
    @EJB
    private AuditTrail audit;
    @Inject
    private TerritoryRepository territories;
    @Inject
    private Clock clock;
    @Inject
    private Logger logger;
    @Inject
    private Event<PhaseChanged> phaseChanges;

    /**
     * A new round in drafting.
     *
     * @throws DomainRuleViolation {@code round.error.territory-unknown} or a refusal of the round's rules
     */
    @RolesAllowed(Roles.ADMIN)
    public long create(RoundForm form) {
        String code = form.territoryCode() == null ? "" : form.territoryCode().strip();
        if (!KatoCode.isWellFormed(code) || territories.find(KatoCode.of(code)).isEmpty()) {
            throw new DomainRuleViolation("round.error.territory-unknown");
        }
        KatoCode territory = KatoCode.of(code);
        staff.requireScope(territory);
        BudgetRound round = BudgetRound.draft(territory, title(form), description(form), budget(form),
                calendar(form), form.supportThreshold(), caller(), clock.instant());
        round.changeBudget(budget(form), form.projectCostCap());
        if (form.minimumAge() != null) {
            round.changeMinimumAge(form.minimumAge());
        }
        em.persist(round);
        em.flush();
        audit.record(caller(), "round.create", "BudgetRound", round.getId(), null, RoundSnapshots.of(round));
        return round.getId();
    }

    /** New texts, budget, age and calendar; the rule parts are refused once the rules are frozen. */
    @RolesAllowed(Roles.ADMIN)
    public void update(long roundId, RoundForm form) {
        BudgetRound round = lock(roundId);
        var before = RoundSnapshots.of(round);
        round.describe(title(form), description(form));
        if (round.rulesFrozen()) {
            requireSameRules(round, form);
        } else {
            round.changeBudget(budget(form), form.projectCostCap());
            round.changeMinimumAge(form.minimumAge() == null ? BudgetRound.DEFAULT_MINIMUM_AGE : form.minimumAge());
            round.schedule(calendar(form), form.supportThreshold());
        }
        audit.record(caller(), "round.update", "BudgetRound", roundId, before, RoundSnapshots.of(round));
    }

    @RolesAllowed(Roles.ADMIN)
    public void defineCategories(long roundId, List<RoundForm.Category> categories) {
        BudgetRound round = lock(roundId);
        var before = RoundSnapshots.of(round);
        round.defineCategories(categories.stream()
                .map(c -> new RoundCategory(c.code() == null ? "" : c.code().strip(), c.nameKk(), c.nameRu(),
                        c.nameEn(), c.budget()))
                .toList());
        audit.record(caller(), "round.categories", "BudgetRound", roundId, before, RoundSnapshots.of(round));
    }

    /**
     * Chooses the ballot rule and the allocation rule.
     *
     * @throws kz.qatysu.round.domain.RulesFrozen once voting has opened
     */
    @RolesAllowed(Roles.ADMIN)
    public void chooseRules(long roundId, RoundForm.Ballot ballot, String allocationRule) {
        BudgetRound round = lock(roundId);
        var before = RoundSnapshots.of(round);
        round.chooseBallotRule(ballotRule(ballot));
        round.chooseAllocationRule(allocationRule == null ? null : allocationRule.strip());
        audit.record(caller(), "round.rules", "BudgetRound", roundId, before, RoundSnapshots.of(round));
    }

    /**
     * Chooses what happens to a paper ballot of a person who already voted online: {@code REFUSE} or {@code FLAG}.
     *
     * @throws kz.qatysu.round.domain.RulesFrozen once voting has opened
     * @throws DomainRuleViolation {@code round.error.paper-after-online} for any other value
     */
    @RolesAllowed(Roles.ADMIN)
    public void choosePaperAfterOnline(long roundId, String rule) {
        BudgetRound round = lock(roundId);
        var before = RoundSnapshots.of(round);
        PaperAfterOnline chosen;
        try {
            chosen = PaperAfterOnline.valueOf(rule == null ? "" : rule.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainRuleViolation("round.error.paper-after-online");
        }
        round.choosePaperAfterOnline(chosen);
        audit.record(caller(), "round.paper-after-online", "BudgetRound", roundId, before, RoundSnapshots.of(round));
    }

    /** The operator moves the round to its next phase now, whatever the calendar says. */
    @RolesAllowed(Roles.ADMIN)
    public Phase advance(long roundId) {
        BudgetRound round = lock(roundId);
        Phase next = round.nextPhase().orElseThrow(() -> new DomainRuleViolation("round.error.last-phase"));
        step(round, next, clock.instant(), caller());
        return next;
    }

    /**
     * Moves every unfinished round to where its calendar says it is now. Runs as the system (the timer); a round
     * whose step is refused (e.g. voting due without rules) stays where it is and is reported in the log.
     *
     * @return the number of phase steps taken
     */
    @PermitAll
    public int followCalendars() {
        Instant now = clock.instant();
        int steps = 0;
        List<Long> ids = em.createNamedQuery("BudgetRound.findNotFinished", BudgetRound.class).getResultStream()
                .filter(r -> r.phase().isBefore(r.calendar().phaseAt(now))).map(BudgetRound::getId).toList();
        for (Long id : ids) {
            steps += catchUp(id, now);
        }
        return steps;
    }

    /**
     * Moves one round to where its calendar says it is now, as the timer does for all of them.
     *
     * @return the number of phase steps taken
     */
    @PermitAll
    public int followCalendar(long roundId) {
        return catchUp(roundId, clock.instant());
    }

    private int catchUp(long id, Instant now) {
        BudgetRound round = lock(id);
        int steps = 0;
        while (round.phase().isBefore(round.calendar().phaseAt(now))) {
            Phase next = round.nextPhase().orElseThrow();
            try {
                step(round, next, now, CALENDAR);
                steps++;
            } catch (DomainRuleViolation refused) {
                logger.log(Level.WARNING, "Round {0} cannot enter {1} as its calendar says: {2}",
                        new Object[]{id, next, refused.messageKey()});
                break;
            }
        }
        return steps;
    }

    private void step(BudgetRound round, Phase next, Instant now, Actor actor) {
        staffScopeUnlessSystem(round, actor);
        var before = RoundSnapshots.of(round);
        List<Proposal> proposals = em.createNamedQuery("Proposal.findByRound", Proposal.class)
                .setParameter("round", round).getResultList();
        if (next == Phase.VOTING) {
            // Checked before the ballot is filled: a refused step (e.g. by the calendar) must leave proposals as they are.
            if (round.ballotRule().isEmpty() || round.allocationRule().isEmpty()) {
                throw new DomainRuleViolation("round.error.rules-incomplete");
            }
            // The ballot is the feasible proposals; placed while the round is still before voting.
            for (Proposal p : proposals) {
                if (p.status() == ProposalStatus.FEASIBLE) {
                    p.placeOnBallot(actor, now);
                }
            }
        }
        if (next == Phase.RESULTS_PUBLISHED && ((Number) em.createNativeQuery(
                "select count(*) from round_outcome where round_id = ?1").setParameter(1, round.getId())
                .getSingleResult()).intValue() == 0) {
            // Results are what the close-round job counted and signed: nothing to publish before.
            throw new DomainRuleViolation("round.error.results-not-counted");
        }
        Phase from = round.phase();
        round.advanceTo(next, now, actor);
        if (next == Phase.SUPPORT_COLLECTION) {
            for (Proposal p : proposals) {
                if (p.status() == ProposalStatus.SUBMITTED) {
                    p.openSupportCollection(actor, now);
                }
            }
        }
        if (from == Phase.SUPPORT_COLLECTION) {
            for (Proposal p : proposals) {
                if (p.status() == ProposalStatus.SUPPORT_COLLECTION) {
                    long supporters = em.createNamedQuery("Support.countByProposal", Long.class)
                            .setParameter("proposalId", p.getId()).getSingleResult();
                    p.closeSupportCollection(supporters, actor, now);
                }
            }
        }
        // Observers act inside this transaction, while the round's row is held: e.g. the receipts of a closing vote
        // are published with no cast able to slip in.
        round.pullEvents().forEach(phaseChanges::fire);
        for (Proposal p : proposals) {
            p.pullNotifications().forEach(n -> em.persist(AuthorNotification.of(n)));
        }
        audit.record(actor, "round.phase", "BudgetRound", round.getId(), before, RoundSnapshots.of(round));
        logger.log(Level.INFO, "Round {0}: {1} -> {2} by {3}", new Object[]{round.getId(), from, next, actor});
    }

    private void staffScopeUnlessSystem(BudgetRound round, Actor actor) {
        if (actor.isStaff()) {
            staff.requireScope(round.territory());
        }
    }

    private BudgetRound lock(long id) {
        BudgetRound round = em.find(BudgetRound.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (round == null) {
            throw new NotFound("round " + id);
        }
        return round;
    }

    private Actor caller() {
        return Actor.staff(session.getCallerPrincipal().getName());
    }

    private static RoundText title(RoundForm f) {
        return RoundText.title(f.titleKk(), f.titleRu(), f.titleEn());
    }

    private static RoundText description(RoundForm f) {
        return RoundText.description(f.descriptionKk(), f.descriptionRu(), f.descriptionEn());
    }

    private static long budget(RoundForm f) {
        if (f.totalBudget() == null || f.totalBudget() <= 0) {
            throw new DomainRuleViolation("round.error.budget-positive");
        }
        return f.totalBudget();
    }

    private static PhaseCalendar calendar(RoundForm f) {
        ZoneId zone;
        try {
            zone = ZoneId.of(f.zoneId() == null || f.zoneId().isBlank() ? "Asia/Almaty" : f.zoneId().strip());
        } catch (DateTimeException e) {
            throw new DomainRuleViolation("round.error.calendar-zone");
        }
        return PhaseCalendar.ofLocal(zone, f.phaseStarts());
    }

    static BallotRule ballotRule(RoundForm.Ballot b) {
        if (b == null || b.kind() == null) {
            throw new DomainRuleViolation("round.error.ballot-kind");
        }
        return switch (b.kind().strip().toUpperCase(java.util.Locale.ROOT)) {
            case "APPROVAL" -> BallotRule.approval(orZero(b.minPicks()), orZero(b.maxPicks()));
            case "KNAPSACK" -> BallotRule.knapsack(b.minBudgetSharePercent());
            case "CUMULATIVE" -> BallotRule.cumulative(orZero(b.points()), orZero(b.maxPointsPerProject()));
            default -> throw new DomainRuleViolation("round.error.ballot-kind");
        };
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    /** After freezing, a form may still carry the rule fields: they must be unchanged. */
    private static void requireSameRules(BudgetRound round, RoundForm f) {
        boolean same = f.totalBudget() != null && f.totalBudget() == round.totalBudget()
                && java.util.Objects.equals(f.projectCostCap(), round.projectCostCap().orElse(null))
                && (f.minimumAge() == null || f.minimumAge() == round.minimumAge())
                && java.util.Objects.equals(f.supportThreshold(), round.supportThreshold().orElse(null));
        if (!same) {
            throw new kz.qatysu.round.domain.RulesFrozen();
        }
    }

    /** Every round, newest first, for the operators' list. */
    @RolesAllowed(Roles.ADMIN)
    public List<RoundSummary> rounds() {
        return em.createNamedQuery("BudgetRound.findAll", BudgetRound.class).getResultStream()
                .map(r -> new RoundSummary(r.getId(), territoryName(r.territory()), r.title().kk(), r.title().ru(),
                        r.title().en(), r.phase(), r.totalBudget()))
                .toList();
    }

    /** One round with everything the operators' page shows and edits. */
    @RolesAllowed(Roles.ADMIN)
    public AdminRoundView view(long roundId) {
        BudgetRound r = em.find(BudgetRound.class, roundId);
        if (r == null) {
            throw new NotFound("round " + roundId);
        }
        Map<Phase, java.time.LocalDateTime> starts = new java.util.EnumMap<>(Phase.class);
        r.calendar().starts().forEach((p, at) -> starts.put(p, java.time.LocalDateTime.ofInstant(at, r.calendar().zone())));
        List<RoundForm.Category> categories = r.categories().stream()
                .map(c -> new RoundForm.Category(c.code(), c.nameKk(), c.nameRu(), c.nameEn(), c.budget())).toList();
        RoundForm.Ballot ballot = r.ballotRule().map(b -> new RoundForm.Ballot(b.kind().name(), b.minPicks(),
                b.maxPicks(), b.minBudgetSharePercent(), b.points(), b.maxPointsPerProject())).orElse(null);
        var frozen = r.frozenManifest();
        return new AdminRoundView(r.getId(), r.territory().value(), territoryName(r.territory()), r.title().kk(),
                r.title().ru(), r.title().en(), r.description().kk(), r.description().ru(), r.description().en(),
                r.totalBudget(), r.projectCostCap().orElse(null), r.minimumAge(), r.supportThreshold().orElse(null),
                r.calendar().zone().getId(), starts, r.phase(), r.nextPhase().orElse(null), categories, ballot,
                r.allocationRule().orElse(null), r.manifest().json(),
                frozen.map(kz.qatysu.round.domain.RulesManifest::json).orElse(null),
                frozen.map(kz.qatysu.round.domain.RulesManifest::sha256).orElse(null), r.rulesFrozenAt().orElse(null),
                r.paperAfterOnline().name());
    }

    private TerritoryName territoryName(KatoCode code) {
        return territories.find(code)
                .map(t -> new TerritoryName(code.value(), t.nameKk(), t.nameRu(), t.nameEn()))
                .orElseGet(() -> new TerritoryName(code.value(), null, null, null));
    }

    /** Phase starts as local date-times in the round's zone, for the edit form. */
    @PermitAll
    public Map<Phase, java.time.LocalDateTime> localCalendar(long roundId) {
        BudgetRound round = em.find(BudgetRound.class, roundId);
        if (round == null) {
            throw new NotFound("round " + roundId);
        }
        Map<Phase, java.time.LocalDateTime> local = new java.util.EnumMap<>(Phase.class);
        round.calendar().starts().forEach((p, at) -> local.put(p, java.time.LocalDateTime.ofInstant(at, round.calendar().zone())));
        return local;
    }
}
