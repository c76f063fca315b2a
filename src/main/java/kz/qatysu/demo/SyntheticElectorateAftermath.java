package kz.qatysu.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import kz.qatysu.monitoring.domain.Implementation;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalStatus;

/**
 * What follows the synthetic electorate's ballots, each one transaction: the eligible population of its districts
 * (reference data an operator would load; an operator's own figures are kept), and the implementation records of
 * the past round's funded projects as the district's staff would keep them — some completed, some under way, one
 * late, some just planned.
 */
@Stateless
@PermitAll
public class SyntheticElectorateAftermath {

    private static final Actor STAFF = Actor.staff("moderator.bostandyk");

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private Clock clock;

    /** Whether close-round has counted the round (its outcome is stored). */
    public boolean counted(long roundId) {
        return ((Number) em.createNativeQuery("select count(*) from round_outcome where round_id = ?1")
                .setParameter(1, roundId).getSingleResult()).longValue() > 0;
    }

    /**
     * Eligible residents per district: the synthetic residents of the district times a factor drawn from the seed
     * (2.2–3.6), so that turnout looks like a well-run round's. Districts with figures already are left alone.
     */
    public void eligiblePopulation(List<SyntheticPopulation.Resident> residents, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5EED);
        Instant now = clock.instant();
        for (Map.Entry<String, Integer> e : SyntheticElectorate.perDistrict(residents).entrySet()) {
            int eligible = (int) Math.round(e.getValue() * (2.2 + 1.4 * random.nextDouble()));
            em.createNativeQuery("insert into eligible_population (territory_code, eligible_residents, as_of, "
                            + "loaded_by, loaded_at) values (?1, ?2, ?3, 'demo-data', ?4) on conflict (territory_code) do nothing")
                    .setParameter(1, e.getKey()).setParameter(2, eligible)
                    .setParameter(3, Date.valueOf(LocalDate.ofInstant(now, clock.getZone()).withDayOfMonth(1)))
                    .setParameter(4, Timestamp.from(now)).executeUpdate();
        }
    }

    /**
     * Implementation records of the round's funded projects, through the monitoring aggregate with back-dated
     * updates: every fourth completed, every fourth under way, every fourth late (a milestone and the completion
     * date passed), the rest planned.
     *
     * @return the number of records started
     */
    public int implementation(long roundId) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        List<Proposal> funded = em.createNamedQuery("Proposal.findByRound", Proposal.class)
                .setParameter("round", em.find(kz.qatysu.round.domain.BudgetRound.class, roundId)).getResultStream()
                .filter(p -> p.status() == ProposalStatus.FUNDED)
                .sorted(java.util.Comparator.comparing(Proposal::getId)).toList();
        int started = 0;
        for (int n = 0; n < funded.size(); n++) {
            Proposal p = funded.get(n);
            if (((Number) em.createNativeQuery("select count(*) from implementation where proposal_id = ?1")
                    .setParameter(1, p.getId()).getSingleResult()).longValue() > 0) {
                continue;
            }
            long cost = p.assessedCost().orElseThrow();
            Instant opened = now.minus(55, ChronoUnit.DAYS);
            Implementation i = switch (n % 4) {
                case 0 -> {
                    Implementation c = Implementation.start(p, today.minusDays(10), STAFF, opened);
                    c.planMilestone("Жобалау-сметалық құжаттама / Проектно-сметная документация", today.minusDays(45), STAFF, opened);
                    c.planMilestone("Құрылыс-монтаж жұмыстары / Строительно-монтажные работы", today.minusDays(15), STAFF, opened);
                    c.completeMilestone(1, today.minusDays(44), today.minusDays(44), STAFF, now.minus(44, ChronoUnit.DAYS));
                    c.reportProgress(40, cost * 95 / 100, cost * 30 / 100, null, STAFF, now.minus(40, ChronoUnit.DAYS));
                    c.completeMilestone(2, today.minusDays(16), today.minusDays(16), STAFF, now.minus(16, ChronoUnit.DAYS));
                    c.reportProgress(100, cost * 95 / 100, cost * 93 / 100, null, STAFF, now.minus(12, ChronoUnit.DAYS));
                    c.complete(today.minusDays(12), today.minusDays(12), STAFF, now.minus(12, ChronoUnit.DAYS));
                    yield c;
                }
                case 1 -> {
                    Implementation c = Implementation.start(p, today.plusDays(40), STAFF, opened);
                    c.planMilestone("Мердігерді таңдау / Выбор подрядчика", today.minusDays(30), STAFF, opened);
                    c.planMilestone("Жұмыстар / Работы", today.plusDays(35), STAFF, opened);
                    c.completeMilestone(1, today.minusDays(31), today.minusDays(31), STAFF, now.minus(31, ChronoUnit.DAYS));
                    c.reportProgress(60, cost * 98 / 100, cost * 50 / 100, null, STAFF, now.minus(3, ChronoUnit.DAYS));
                    yield c;
                }
                case 2 -> {
                    Implementation c = Implementation.start(p, today.minusDays(5), STAFF, opened);
                    c.planMilestone("Жұмыстарды тапсыру / Сдача работ", today.minusDays(8), STAFF, opened);
                    c.reportProgress(80, cost, cost * 70 / 100, null, STAFF, now.minus(9, ChronoUnit.DAYS));
                    yield c;
                }
                default -> {
                    Implementation c = Implementation.start(p, today.plusDays(120), STAFF, opened);
                    c.planMilestone("Конкурс / Конкурс", today.plusDays(20), STAFF, opened);
                    yield c;
                }
            };
            em.persist(i);
            started++;
        }
        return started;
    }
}
