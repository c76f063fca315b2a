package kz.qatysu.dashboard.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.audit.application.AuditTrail;
import kz.qatysu.dashboard.domain.EligiblePopulationFile;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.security.Roles;

/**
 * The eligible residents per KATO unit, the denominator of turnout: loaded by an operator from a CSV file, all lines
 * or none, each load in the audit log.
 */
@Stateless
public class EligiblePopulationService {

    /** What one load stored. */
    public record Loaded(int units, int created, int replaced) {
    }

    /** One stored figure, for the operator's list. */
    public record Line(String territoryCode, int eligibleResidents, LocalDate asOf, String loadedBy) {
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private SessionContext session;
    @EJB
    private AuditTrail audit;
    @Inject
    private Clock clock;
    @Inject
    private Logger logger;

    /**
     * Stores every line of the file (replacing earlier figures of the same units).
     *
     * @throws EligiblePopulationRejected with every problem and its line; nothing is stored
     */
    @RolesAllowed(Roles.ADMIN)
    public Loaded load(String text, String fileName) {
        @SuppressWarnings("unchecked")
        Set<String> known = new HashSet<>(((List<Object>) em.createNativeQuery("select code from territory")
                .getResultList()).stream().map(c -> ((String) c).strip()).toList());
        Instant now = clock.instant();
        EligiblePopulationFile.Result result = EligiblePopulationFile.parse(text,
                code -> known.contains(code.value()), LocalDate.ofInstant(now, clock.getZone()));
        if (!result.valid()) {
            throw new EligiblePopulationRejected(result.problems());
        }
        String caller = session.getCallerPrincipal().getName();
        int replaced = 0;
        for (EligiblePopulationFile.Row row : result.rows()) {
            replaced += em.createNativeQuery("delete from eligible_population where territory_code = ?1")
                    .setParameter(1, row.territory().value()).executeUpdate();
            em.createNativeQuery("insert into eligible_population (territory_code, eligible_residents, as_of, "
                            + "loaded_by, loaded_at) values (?1, ?2, ?3, ?4, ?5)")
                    .setParameter(1, row.territory().value()).setParameter(2, row.eligibleResidents())
                    .setParameter(3, Date.valueOf(row.asOf())).setParameter(4, caller)
                    .setParameter(5, Timestamp.from(now)).executeUpdate();
        }
        Loaded loaded = new Loaded(result.rows().size(), result.rows().size() - replaced, replaced);
        audit.record(Actor.staff(caller), "eligible-population.load", "EligiblePopulation", fileName, null,
                Map.of("units", loaded.units(), "created", loaded.created(), "replaced", loaded.replaced()));
        logger.log(Level.INFO, "Eligible population of {0} units loaded by {1}", new Object[]{loaded.units(), caller});
        return loaded;
    }

    /** The stored figures, by KATO code. */
    @RolesAllowed(Roles.ADMIN)
    @SuppressWarnings("unchecked")
    public List<Line> list() {
        List<Object[]> rows = em.createNativeQuery("select territory_code, eligible_residents, as_of, loaded_by "
                + "from eligible_population order by territory_code").setMaxResults(5000).getResultList();
        return rows.stream().map(r -> new Line(((String) r[0]).strip(), ((Number) r[1]).intValue(),
                ((Date) r[2]).toLocalDate(), (String) r[3])).toList();
    }
}
