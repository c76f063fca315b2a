package kz.qatysu.territory.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import kz.qatysu.territory.domain.KatoCode;
import kz.qatysu.territory.domain.Territory;

/** Public, read-only view of the classifier: the open-data API and pages read territories through this. */
@Stateless
@PermitAll
public class TerritoryCatalog {

    /** One unit as published: code, parent, level, names in kk/ru/en, the classifier edition it comes from. */
    public record TerritoryView(String code, String parent, String level, String nameKk, String nameRu, String nameEn,
                                String edition) {
    }

    /** A page of units in code order. */
    public record TerritoryPage(List<TerritoryView> items, int page, int size, long total) {
    }

    /** A unit with its ancestors (top level first) and direct children. */
    public record TerritoryDetail(TerritoryView territory, List<TerritoryView> path, List<TerritoryView> children) {
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private TerritoryRepository territories;

    /**
     * Units in code order, optionally only the direct children of {@code parent} (use {@code null} for all units,
     * the empty string for the top level).
     */
    public TerritoryPage page(String parent, int page, int size) {
        String where = parent == null ? "" : parent.isEmpty() ? " where t.parent is null" : " where t.parent.code = :parent";
        var query = em.createQuery("select t from Territory t" + where + " order by t.code", Territory.class);
        var count = em.createQuery("select count(t) from Territory t" + where, Long.class);
        if (parent != null && !parent.isEmpty()) {
            query.setParameter("parent", parent);
            count.setParameter("parent", parent);
        }
        List<TerritoryView> items = query.setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(TerritoryCatalog::view).toList();
        return new TerritoryPage(items, page, size, count.getSingleResult());
    }

    public Optional<TerritoryDetail> detail(KatoCode code) {
        return territories.find(code).map(t -> new TerritoryDetail(view(t),
                territories.path(code).stream().map(TerritoryCatalog::view).toList(),
                em.createQuery("select t from Territory t where t.parent.code = :code order by t.code", Territory.class)
                        .setParameter("code", code.value()).getResultList().stream().map(TerritoryCatalog::view).toList()));
    }

    /**
     * Up to {@code max} units whose code starts with {@code text} or whose name in any language contains it (case
     * ignored), in code order: the suggestions of territory fields.
     */
    public List<TerritoryView> search(String text, int max) {
        String needle = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
        if (needle.isEmpty() || needle.length() > 100) {
            return List.of();
        }
        String escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return em.createQuery("select t from Territory t where t.code like :prefix or lower(t.nameKk) like :part"
                        + " or lower(t.nameRu) like :part or lower(t.nameEn) like :part order by t.code", Territory.class)
                .setParameter("prefix", escaped + "%").setParameter("part", "%" + escaped + "%")
                .setMaxResults(Math.clamp(max, 1, 50)).getResultList().stream().map(TerritoryCatalog::view).toList();
    }

    private static TerritoryView view(Territory t) {
        return new TerritoryView(t.getCode(), t.parent() == null ? null : t.parent().getCode(), t.level(),
                t.nameKk(), t.nameRu(), t.nameEn(), t.edition().getName());
    }
}
