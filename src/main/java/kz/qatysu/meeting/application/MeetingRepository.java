package kz.qatysu.meeting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.meeting.domain.CommunityMeeting;
import kz.qatysu.platform.security.NotFound;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.staff.domain.StaffScope;

/** Community meetings for the services: loading with a row lock, the list of a scope, what a meeting page shows. */
@ApplicationScoped
public class MeetingRepository {

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;

    /** @throws NotFound when there is no such meeting */
    public CommunityMeeting find(long id) {
        CommunityMeeting m = em.find(CommunityMeeting.class, id);
        if (m == null) {
            throw new NotFound("meeting " + id);
        }
        return m;
    }

    /** The meeting, locked for the rest of the transaction so that two staff actions cannot interleave. */
    public CommunityMeeting lock(long id) {
        CommunityMeeting m = em.find(CommunityMeeting.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (m == null) {
            throw new NotFound("meeting " + id);
        }
        return m;
    }

    public CommunityMeeting add(CommunityMeeting m) {
        em.persist(m);
        em.flush();
        return m;
    }

    /** Meetings within a scope, latest first. */
    public List<CommunityMeeting> inScope(StaffScope scope, int first, int size) {
        return em.createNamedQuery("CommunityMeeting.findInScope", CommunityMeeting.class)
                .setParameter("katoPrefix", prefix(scope)).setFirstResult(first).setMaxResults(size).getResultList();
    }

    public long countInScope(StaffScope scope) {
        return em.createQuery("select count(m) from CommunityMeeting m where m.territoryCode like :katoPrefix",
                Long.class).setParameter("katoPrefix", prefix(scope)).getSingleResult();
    }

    /** The citizens with these ids, by name. */
    public List<Citizen> citizens(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c from Citizen c where c.id in :ids order by c.surname, c.givenName, c.id",
                Citizen.class).setParameter("ids", ids).getResultList();
    }

    /** The proposals a meeting put forward. */
    public List<Proposal> proposals(long meetingId) {
        return em.createNamedQuery("Proposal.findByMeeting", Proposal.class).setParameter("meetingId", meetingId)
                .getResultList();
    }

    /** Rounds accepting proposals now (in proposal submission). */
    public List<BudgetRound> roundsAcceptingProposals() {
        return em.createNamedQuery("BudgetRound.findByPhase", BudgetRound.class)
                .setParameter("phase", Phase.PROPOSAL_SUBMISSION).getResultList();
    }

    private static String prefix(StaffScope scope) {
        return switch (scope.kind()) {
            case ALL -> "%";
            case SUBTREE -> scope.territory().significantPrefix() + "%";
            case NONE -> "-";
        };
    }
}
