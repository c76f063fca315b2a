package kz.qatysu.round.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.RulesManifest;

/**
 * Public, read-only view of rounds and their proposals: the open-data face of the platform. Proposals appear once
 * a moderator has decided on them; drafts, withdrawn proposals and those still waiting for moderation stay private.
 */
@Stateless
@PermitAll
public class RoundCatalog {

    /** Statuses shown to the public. */
    public static final Set<ProposalStatus> PUBLIC_STATUSES = Set.of(ProposalStatus.ACCEPTED, ProposalStatus.REJECTED,
            ProposalStatus.MERGED, ProposalStatus.UNDER_REVIEW, ProposalStatus.FEASIBLE, ProposalStatus.INFEASIBLE,
            ProposalStatus.ON_BALLOT, ProposalStatus.FUNDED, ProposalStatus.NOT_FUNDED);

    public record RoundTitle(String kk, String ru, String en) {
    }

    /** A round as published; {@code manifest} and {@code manifestSha256} once the rules are frozen. */
    public record RoundView(long id, String territory, RoundTitle title, String phase, long budget, Long projectCostCap,
                            String allocationRule, String manifest, String manifestSha256) {
    }

    public record RoundPage(List<RoundView> items, int page, int size, long total) {
    }

    /** A proposal as published: no author, no address details beyond the title. */
    public record ProposalView(long id, String title, String category, String status, Long assessedCost) {
    }

    public record ProposalPage(List<ProposalView> items, int page, int size, long total) {
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;

    public RoundPage rounds(int page, int size) {
        List<RoundView> items = em.createNamedQuery("BudgetRound.findAll", BudgetRound.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(RoundCatalog::view).toList();
        long total = em.createQuery("select count(r) from BudgetRound r", Long.class).getSingleResult();
        return new RoundPage(items, page, size, total);
    }

    public Optional<RoundView> round(long id) {
        return Optional.ofNullable(em.find(BudgetRound.class, id)).map(RoundCatalog::view);
    }

    /** The public proposals of a round in id order; empty when the round does not exist. */
    public Optional<ProposalPage> proposals(long roundId, int page, int size) {
        BudgetRound round = em.find(BudgetRound.class, roundId);
        if (round == null) {
            return Optional.empty();
        }
        List<ProposalView> items = em.createQuery("select p from Proposal p where p.round = :round"
                        + " and p.status in :statuses order by p.id", Proposal.class)
                .setParameter("round", round).setParameter("statuses", PUBLIC_STATUSES)
                .setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(RoundCatalog::view).toList();
        long total = em.createQuery("select count(p) from Proposal p where p.round = :round and p.status in :statuses",
                        Long.class)
                .setParameter("round", round).setParameter("statuses", PUBLIC_STATUSES).getSingleResult();
        return Optional.of(new ProposalPage(items, page, size, total));
    }

    private static RoundView view(BudgetRound r) {
        Optional<RulesManifest> manifest = r.frozenManifest();
        return new RoundView(r.getId(), r.territory().value(),
                new RoundTitle(r.title().kk(), r.title().ru(), r.title().en()),
                r.phase().name().toLowerCase(Locale.ROOT).replace('_', '-'), r.totalBudget(),
                r.projectCostCap().orElse(null), r.allocationRule().orElse(null),
                manifest.map(RulesManifest::json).orElse(null), manifest.map(RulesManifest::sha256).orElse(null));
    }

    private static ProposalView view(Proposal p) {
        return new ProposalView(p.getId(), p.title().value(), p.categoryCode(),
                p.status().name().toLowerCase(Locale.ROOT).replace('_', '-'), p.assessedCost().orElse(null));
    }
}
