package kz.qatysu.proposal.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.proposal.domain.AuthorNotification;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.staff.domain.StaffScope;

/** Proposals for the services: loading with a row lock, storing with the author's notifications. */
@ApplicationScoped
public class ProposalRepository {

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;

    public Optional<Proposal> find(long id) {
        return Optional.ofNullable(em.find(Proposal.class, id));
    }

    /** The proposal, locked for the rest of the transaction so that two staff decisions cannot interleave. */
    public Proposal lock(long id) {
        Proposal p = em.find(Proposal.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw new NotFound("proposal " + id);
        }
        return p;
    }

    public BudgetRound round(long id) {
        BudgetRound round = em.find(BudgetRound.class, id);
        if (round == null) {
            throw new NotFound("round " + id);
        }
        return round;
    }

    /** Stores a new proposal (to learn its id) and its notifications. */
    public Proposal add(Proposal p) {
        em.persist(p);
        em.flush();
        storeNotifications(p);
        return p;
    }

    /** Writes the author's notifications of the changes made since the last call. */
    public void storeNotifications(Proposal p) {
        p.pullNotifications().forEach(n -> em.persist(AuthorNotification.of(n)));
    }

    /** A staff queue: proposals in a status, within a scope, oldest submission first. */
    public List<Proposal> queue(StaffScope scope, ProposalStatus status, int first, int size) {
        return em.createNamedQuery("Proposal.findQueueInTerritory", Proposal.class)
                .setParameter("katoPrefix", prefix(scope)).setParameter("status", status)
                .setFirstResult(first).setMaxResults(size).getResultList();
    }

    public long queueSize(StaffScope scope, ProposalStatus status) {
        return em.createQuery("select count(p) from Proposal p where p.territoryCode like :katoPrefix"
                        + " and p.status = :status", Long.class)
                .setParameter("katoPrefix", prefix(scope)).setParameter("status", status).getSingleResult();
    }

    /** Number of proposals in each status within a scope (only statuses that occur). */
    public Map<ProposalStatus, Long> countsByStatus(StaffScope scope) {
        List<Object[]> rows = em.createQuery("select p.status, count(p) from Proposal p"
                        + " where p.territoryCode like :katoPrefix group by p.status", Object[].class)
                .setParameter("katoPrefix", prefix(scope)).getResultList();
        Map<ProposalStatus, Long> counts = new java.util.EnumMap<>(ProposalStatus.class);
        rows.forEach(r -> counts.put((ProposalStatus) r[0], (Long) r[1]));
        return counts;
    }

    private static String prefix(StaffScope scope) {
        return switch (scope.kind()) {
            case ALL -> "%";
            case SUBTREE -> scope.territory().significantPrefix() + "%";
            case NONE -> "-";
        };
    }
}
