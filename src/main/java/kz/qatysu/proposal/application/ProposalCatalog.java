package kz.qatysu.proposal.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.text.LocalizedText;
import kz.qatysu.proposal.application.ProposalSearchSql.NativeQuery;
import kz.qatysu.proposal.domain.CostLine;
import kz.qatysu.proposal.domain.InfeasibilityReason;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.proposal.domain.RejectionReason;
import kz.qatysu.proposal.domain.StatusChange;
import kz.qatysu.round.application.RoundCatalog;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.RoundCategory;

/**
 * Public, read-only view of proposals for the portal's pages: the filtered, searched and paged list and the page of
 * one proposal. Only proposals in {@link RoundCatalog#PUBLIC_STATUSES} are ever returned; nothing identifies the
 * author or the staff who decided (the history says "author", "akimat" or "system").
 */
@Stateless
@PermitAll
public class ProposalCatalog {

    /** The most rows one page of the list may have. */
    public static final int MAX_PAGE_SIZE = 100;

    /** A proposal in the public list. */
    public record ProposalSummary(long id, String title, ProposalStatus status, LocalizedText category, long roundId,
                                  LocalizedText roundTitle, LocalizedText territory, long estimatedCost,
                                  Long assessedCost) implements Serializable {

        /** The assessed cost once the expert council set one, else the proposer's estimate. */
        public long cost() {
            return assessedCost != null ? assessedCost : estimatedCost;
        }
    }

    /** One line of the proposer's cost estimate. */
    public record CostLineView(String description, long quantity, long unitPrice, long amount) {
    }

    /**
     * One step of the history, at a time in the round's zone.
     *
     * @param actorKey message key of who acted, by kind only: {@code proposal.actor.author|akimat|system}
     */
    public record HistoryStep(LocalDateTime at, ProposalStatus status, String actorKey) {
    }

    /**
     * A proposal as its public page shows it.
     *
     * @param reasonKey      message key of the rejection or infeasibility reason, if any
     * @param mergedIntoId   the proposal this one was merged into, when that one is public
     * @param zone           the round's time zone, in which the history's times are given
     */
    public record ProposalDetail(long id, String title, String description, String categoryCode,
                                 LocalizedText category, String address, Double latitude, Double longitude,
                                 List<CostLineView> costLines, long estimatedCost, Long assessedCost,
                                 ProposalStatus status, String reasonKey, Long mergedIntoId, String mergedIntoTitle,
                                 List<HistoryStep> history, long roundId, LocalizedText roundTitle,
                                 LocalizedText territory, String zone) {
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private RoundCatalog rounds;

    /** How many public proposals match the filter (counted in SQL). */
    public long count(ProposalFilter filter) {
        return ((Number) nativeQuery(ProposalSearchSql.count(filter)).getSingleResult()).longValue();
    }

    /**
     * One page of the public proposals matching the filter.
     *
     * @param sort  {@code null}: by relevance when searching for words, else newest first
     * @param first index of the first row, from 0
     * @param max   rows per page, 1 to {@value #MAX_PAGE_SIZE}
     */
    public List<ProposalSummary> page(ProposalFilter filter, ProposalSort sort, int first, int max) {
        if (first < 0 || max < 1 || max > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("first >= 0, 1 <= max <= " + MAX_PAGE_SIZE);
        }
        List<Long> ids = nativeQuery(ProposalSearchSql.page(filter, sort, first, max)).getResultList().stream()
                .map(id -> ((Number) id).longValue())
                .toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            position.put(ids.get(i), i);
        }
        Map<String, LocalizedText> territories = new HashMap<>();
        return em.createQuery("select p from Proposal p join fetch p.round where p.id in :ids", Proposal.class)
                .setParameter("ids", ids).getResultList().stream()
                .sorted(Comparator.comparing(p -> position.get(p.getId())))
                .map(p -> new ProposalSummary(p.getId(), p.title().value(), p.status(),
                        categoryName(p.round(), p.categoryCode()), p.round().getId(), roundTitle(p.round()),
                        territories.computeIfAbsent(p.territory().value(), c -> rounds.territoryPath(p.territory())),
                        p.estimatedCost(), p.assessedCost().orElse(null)))
                .toList();
    }

    /** A public proposal; empty when there is none with this id or it is not public (a draft, say). */
    public Optional<ProposalDetail> proposal(long id) {
        Proposal p = em.find(Proposal.class, id);
        if (p == null || !RoundCatalog.PUBLIC_STATUSES.contains(p.status())) {
            return Optional.empty();
        }
        BudgetRound round = p.round();
        ZoneId zone = round.calendar().zone();
        Optional<Proposal> survivor = p.mergedInto().filter(m -> RoundCatalog.PUBLIC_STATUSES.contains(m.status()));
        String reasonKey = p.rejectionReason().map(RejectionReason::messageKey)
                .or(() -> p.infeasibilityReason().map(InfeasibilityReason::messageKey)).orElse(null);
        return Optional.of(new ProposalDetail(p.getId(), p.title().value(), p.description().value(), p.categoryCode(),
                categoryName(round, p.categoryCode()), p.location().address(), p.location().latitude().orElse(null),
                p.location().longitude().orElse(null),
                p.costEstimate().lines().stream().map(ProposalCatalog::line).toList(), p.estimatedCost(),
                p.assessedCost().orElse(null), p.status(), reasonKey, survivor.map(Proposal::getId).orElse(null),
                survivor.map(s -> s.title().value()).orElse(null),
                p.history().stream().map(c -> step(c, zone)).toList(), round.getId(), roundTitle(round),
                rounds.territoryPath(p.territory()), zone.getId()));
    }

    private Query nativeQuery(NativeQuery q) {
        Query query = em.createNativeQuery(q.sql());
        for (int i = 0; i < q.parameters().size(); i++) {
            query.setParameter(i + 1, q.parameters().get(i));
        }
        return query;
    }

    private static LocalizedText categoryName(BudgetRound round, String code) {
        return round.categories().stream().filter(c -> c.code().equals(code)).findFirst()
                .map(ProposalCatalog::name)
                .orElse(new LocalizedText(code, code, code));
    }

    private static LocalizedText name(RoundCategory c) {
        return new LocalizedText(c.nameKk(), c.nameRu(), c.nameEn());
    }

    private static LocalizedText roundTitle(BudgetRound round) {
        return new LocalizedText(round.title().kk(), round.title().ru(), round.title().en());
    }

    private static CostLineView line(CostLine l) {
        return new CostLineView(l.description(), l.quantity(), l.unitPrice(), l.amount());
    }

    private static HistoryStep step(StatusChange c, ZoneId zone) {
        return new HistoryStep(LocalDateTime.ofInstant(c.at(), zone), c.to(), actorKey(c.actor()));
    }

    /** Who acted, by kind only: staff usernames and citizen ids never reach the public. */
    static String actorKey(Actor actor) {
        return switch (actor.kind()) {
            case CITIZEN -> "proposal.actor.author";
            case STAFF -> "proposal.actor.akimat";
            case SYSTEM -> "proposal.actor.system";
        };
    }
}
