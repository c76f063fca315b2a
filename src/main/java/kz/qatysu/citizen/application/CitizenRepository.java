package kz.qatysu.citizen.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.citizen.domain.Iin;

@ApplicationScoped
public class CitizenRepository {

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;

    public Optional<Citizen> find(long id) {
        return Optional.ofNullable(em.find(Citizen.class, id));
    }

    public Optional<Citizen> findByIin(Iin iin) {
        return em.createNamedQuery("Citizen.findByIin", Citizen.class)
                .setParameter("iin", iin.value())
                .getResultStream().findFirst();
    }

    /**
     * The registered citizen behind a caller principal: citizens' user names are their IINs (the Keycloak broker
     * sets them from the identity provider), so the principal alone identifies the person — services never take
     * a citizen id from the page.
     */
    public Optional<Citizen> findCaller(java.security.Principal principal) {
        if (principal == null || principal.getName() == null || !principal.getName().matches("[0-9]{12}")) {
            return Optional.empty();
        }
        return em.createNamedQuery("Citizen.findByIin", Citizen.class)
                .setParameter("iin", principal.getName())
                .getResultStream().findFirst();
    }

    /** Serialises concurrent first logins of the same person (two tabs, two devices) on a per-IIN advisory lock. */
    public void lockIdentity(Iin iin) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 7303))")
                .setParameter(1, iin.value())
                .getSingleResult();
    }

    public Citizen add(Citizen citizen) {
        em.persist(citizen);
        em.flush();
        return citizen;
    }

    public Citizen lock(Citizen citizen) {
        em.lock(citizen, LockModeType.PESSIMISTIC_WRITE);
        return citizen;
    }
}
