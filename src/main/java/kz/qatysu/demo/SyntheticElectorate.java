package kz.qatysu.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import kz.qatysu.demo.SyntheticElectorateSteps.Voter;
import kz.qatysu.demo.SyntheticElectorateSteps.Written;
import kz.qatysu.platform.batch.BatchJobs;
import kz.qatysu.round.application.RoundAdministration;

/**
 * The demo's synthetic electorate, so that the dashboards have something to show: tens of thousands of residents of
 * Almaty's and Astana's districts; a past Almaty round they voted in, counted by the close-round job like any other
 * (results published, allocations sent to the registries, implementation under way); ballots in the demo rounds
 * open for voting; the eligible population of each district; and a burst of ballots from one network for the
 * anomaly report. Drawn from a seed, written through the ballot box (see {@link SyntheticElectorateSteps}); runs
 * once, in the background after start-up ({@code qatysu.demo.synthetic-voters}, off by default).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyntheticElectorate {

    /** Districts of Almaty and Astana, weighted by their adult population (thousands, rounded). */
    static final List<SyntheticPopulation.District> DISTRICTS = List.of(
            new SyntheticPopulation.District("751110000", 210), new SyntheticPopulation.District("751210000", 300),
            new SyntheticPopulation.District("751310000", 320), new SyntheticPopulation.District("751410000", 350),
            new SyntheticPopulation.District("751510000", 170), new SyntheticPopulation.District("751710000", 220),
            new SyntheticPopulation.District("751810000", 140), new SyntheticPopulation.District("751910000", 250),
            new SyntheticPopulation.District("711110000", 280), new SyntheticPopulation.District("711210000", 240),
            new SyntheticPopulation.District("711310000", 210), new SyntheticPopulation.District("711410000", 200),
            new SyntheticPopulation.District("711510000", 120), new SyntheticPopulation.District("711610000", 90));

    private static final Logger LOGGER = Logger.getLogger(SyntheticElectorate.class.getName());
    private static final int CHUNK = 1_000;
    private static final int BURST = 30;
    private static final Duration JOB_WAIT = Duration.ofMinutes(20);

    /** What a run wrote. */
    public record Summary(int residents, int pastRoundVoters, int openRoundVoters, int ballots, Long pastRoundId) {
    }

    @EJB
    private SyntheticElectorateSteps steps;
    @EJB
    private SyntheticElectorateAftermath aftermath;
    @EJB
    private RoundAdministration rounds;
    @Inject
    private BatchJobs jobs;
    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private Clock clock;

    /** Runs {@link #run} in the background, logging what it did or why it failed. */
    @Asynchronous
    public void populate(int residents, long seed) {
        try {
            long started = System.nanoTime();
            Summary s = run(residents, seed);
            LOGGER.log(Level.INFO, "Synthetic electorate: {0} residents, {1} voters in the past round (id {2}), {3} in "
                            + "open rounds, {4} ballots, in {5} s", new Object[]{s.residents(), s.pastRoundVoters(),
                    s.pastRoundId(), s.openRoundVoters(), s.ballots(), (System.nanoTime() - started) / 1_000_000_000L});
        } catch (RuntimeException e) {
            LOGGER.log(Level.SEVERE, "The synthetic electorate could not be loaded", e);
        }
    }

    /**
     * Loads the electorate unless this seed's residents are registered already.
     *
     * @return what was written (all zero when it had been loaded before)
     */
    public Summary run(int count, long seed) {
        Instant now = clock.instant();
        SyntheticPopulation population = new SyntheticPopulation(seed);
        List<SyntheticPopulation.Resident> residents = population.residents(DISTRICTS, count,
                LocalDate.ofInstant(now, clock.getZone()));
        if (residents.isEmpty() || alreadyRegistered(residents.get(0))) {
            return new Summary(0, 0, 0, 0, null);
        }
        List<Long> ids = steps.register(residents, now);
        List<Voter> almaty = new ArrayList<>();
        List<Voter> astana = new ArrayList<>();
        for (int i = 0; i < residents.size(); i++) {
            String kato = residents.get(i).kato();
            Voter v = new Voter(ids.get(i), kato, districtIndex(kato));
            (kato.startsWith("75") ? almaty : astana).add(v);
        }

        // The past round: about 70 % of Almaty's synthetic residents, all in its one transaction.
        List<Voter> pastVoters = sample(almaty, 70, population);
        Optional<SyntheticElectorateSteps.PastRound> pastRound = steps.pastRound(pastVoters, population);
        Written past = pastRound.map(SyntheticElectorateSteps.PastRound::written).orElse(new Written(0, 0));
        Long pastRoundId = pastRound.map(SyntheticElectorateSteps.PastRound::id).orElse(null);

        // The open demo rounds: 40 % of the city's residents in a city round, 45 % of the district's in a district round.
        Written open = new Written(0, 0);
        for (Object[] r : openRounds(now)) {
            long roundId = ((Number) r[0]).longValue();
            String territory = ((String) r[1]).strip();
            boolean city = territory.endsWith("0000000");
            List<Voter> pool = (territory.startsWith("75") ? almaty : astana).stream()
                    .filter(v -> city || v.kato().equals(territory)).toList();
            List<Voter> voters = sample(pool, city ? 40 : 45, population);
            List<SyntheticPopulation.Project> projects = steps.projects(roundId);
            if (projects.isEmpty()) {
                continue;
            }
            Instant from = (Instant) r[2];
            Instant to = ((Instant) r[3]).isBefore(now) ? (Instant) r[3] : now.minusSeconds(60);
            if (!from.isBefore(to)) {
                continue;
            }
            SyntheticElectorateSteps.Round round = new SyntheticElectorateSteps.Round(roundId, projects,
                    population.popularity(projects), from, to);
            for (int i = 0; i < voters.size(); i += CHUNK) {
                open = open.plus(steps.cast(round, voters.subList(i, Math.min(voters.size(), i + CHUNK)), population));
            }
            if (!city && territory.startsWith("75") && to.minus(Duration.ofHours(26)).isAfter(from)) {
                // A burst from one network and one device, for the anomaly report: residents who had not voted here.
                Set<Voter> voted = new HashSet<>(voters);
                List<Voter> quiet = pool.stream().filter(v -> !voted.contains(v)).limit(BURST).toList();
                open = open.plus(steps.burst(round, quiet, population, to.minus(Duration.ofHours(26))));
            }
        }

        aftermath.eligiblePopulation(residents, seed);
        if (pastRoundId != null) {
            countAndImplement(pastRoundId);
        }
        return new Summary(residents.size(), past.voters(), open.voters(), past.ballots() + open.ballots(), pastRoundId);
    }

    /**
     * Counts the past round with the close-round job (as the nightly schedule would), moves it along its calendar
     * to implementation, and records the implementation of its funded projects.
     */
    private void countAndImplement(long roundId) {
        Instant deadline = clock.instant().plus(JOB_WAIT);
        Optional<Long> execution = Optional.empty();
        while (execution.isEmpty() && clock.instant().isBefore(deadline)) {
            execution = jobs.start("close-round", new Properties());
            if (execution.isEmpty()) {
                pause();
            }
        }
        while (execution.isPresent() && !jobs.ended(execution.get()) && clock.instant().isBefore(deadline)) {
            pause();
        }
        if (!aftermath.counted(roundId)) {
            LOGGER.log(Level.WARNING, "The synthetic past round {0} was not counted (close-round execution {1})",
                    new Object[]{roundId, execution.orElse(null)});
            return;
        }
        rounds.followCalendar(roundId);
        int started = aftermath.implementation(roundId);
        LOGGER.log(Level.INFO, "Synthetic past round {0} counted; implementation of {1} funded projects recorded",
                new Object[]{roundId, started});
    }

    private static void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for close-round", e);
        }
    }

    private boolean alreadyRegistered(SyntheticPopulation.Resident first) {
        return ((Number) em.createNativeQuery("select count(*) from citizen where iin = ?1")
                .setParameter(1, first.iin().value()).getSingleResult()).longValue() > 0;
    }

    /** Rounds in voting whose voting is still open, in Almaty or Astana: id, territory, voting start, end. */
    private List<Object[]> openRounds(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select r.id, r.territory_code, "
                + "(select c.starts_at from budget_round_phase_start c where c.round_id = r.id and c.phase = 'VOTING'), "
                + "(select c.starts_at from budget_round_phase_start c where c.round_id = r.id and c.phase = 'COUNTING') "
                + "from budget_round r where r.phase = 'VOTING' and (r.territory_code like '75%' or r.territory_code like '71%') "
                + "order by r.id").getResultList();
        List<Object[]> open = new ArrayList<>();
        for (Object[] r : rows) {
            Instant from = toInstant(r[2]);
            Instant to = toInstant(r[3]);
            if (from != null && to != null && to.isAfter(now)) {
                open.add(new Object[]{r[0], r[1], from, to});
            }
        }
        return open;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        } else if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        } else if (value instanceof Instant i) {
            return i;
        }
        return null;
    }

    /** About {@code percent} % of the voters, drawn from the population's stream. */
    private static List<Voter> sample(List<Voter> voters, int percent, SyntheticPopulation population) {
        List<Voter> chosen = new ArrayList<>();
        for (Voter v : voters) {
            if (population.nextInt(100) < percent) {
                chosen.add(v);
            }
        }
        return chosen;
    }

    private static int districtIndex(String kato) {
        for (int i = 0; i < DISTRICTS.size(); i++) {
            if (DISTRICTS.get(i).kato().equals(kato)) {
                return i;
            }
        }
        return DISTRICTS.size();
    }

    /** Residents per district (for the eligible population). */
    static Map<String, Integer> perDistrict(List<SyntheticPopulation.Resident> residents) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        residents.forEach(r -> counts.merge(r.kato(), 1, Integer::sum));
        return counts;
    }
}
