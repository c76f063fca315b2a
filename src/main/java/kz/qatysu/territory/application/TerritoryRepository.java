package kz.qatysu.territory.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import kz.qatysu.territory.domain.KatoCode;
import kz.qatysu.territory.domain.KatoEdition;
import kz.qatysu.territory.domain.Territory;

/** Territories and classifier editions in PostgreSQL. */
@ApplicationScoped
public class TerritoryRepository {

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;

    public Optional<Territory> find(KatoCode code) {
        return Optional.ofNullable(em.find(Territory.class, code.value()));
    }

    /** The unit and its ancestors, from the top level down to the unit itself. */
    public List<Territory> path(KatoCode code) {
        List<Territory> path = new ArrayList<>();
        Territory t = em.find(Territory.class, code.value());
        while (t != null && path.size() < 10) {
            path.add(t);
            t = t.parent();
        }
        Collections.reverse(path);
        return path;
    }

    public List<Territory> all() {
        return em.createNamedQuery("Territory.findAll", Territory.class).getResultList();
    }

    public long count() {
        return em.createNamedQuery("Territory.countAll", Long.class).getSingleResult();
    }

    public void add(Territory territory) {
        em.persist(territory);
    }

    public Optional<KatoEdition> findEdition(String name) {
        return em.createNamedQuery("KatoEdition.findByName", KatoEdition.class)
                .setParameter("name", name)
                .getResultStream().findFirst();
    }

    public List<KatoEdition> editions() {
        return em.createNamedQuery("KatoEdition.findAll", KatoEdition.class).getResultList();
    }

    public void add(KatoEdition edition) {
        em.persist(edition);
    }
}
