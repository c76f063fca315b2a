package kz.qatysu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import kz.qatysu.anomaly.application.AnomalyReport;
import kz.qatysu.anomaly.application.AnomalyReport.Kind;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.demo.SyntheticElectorateSteps.Voter;
import kz.qatysu.demo.SyntheticElectorateSteps.Written;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.platform.testing.RunAsBostandykModerator;
import kz.qatysu.platform.testing.Transactions;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.voting.VotingRoundFixture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo's synthetic electorate writes what real voters would: residents registered once, ballots through the
 * ballot box (one counted ballot per person, revotes superseding, paper ballots entered twice and confirmed), cast
 * times inside the voting window, and cast signals a burst of which the anomaly report flags.
 */
@ExtendWith(ArquillianExtension.class)
public class SyntheticElectorateIT {

    private static final String BOSTANDYK = "751410000";

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(SyntheticElectorateIT.class).addClasses(VotingRoundFixture.class,
                SyntheticIins.class);
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private UserTransaction tx;
    @EJB
    private SyntheticElectorateSteps steps;
    @EJB
    private AnomalyReport report;
    @EJB
    private RunAsBostandykModerator asBostandyk;

    @Test
    void syntheticVotersCastThroughTheBallotBoxOneCountedBallotEachInsideTheWindow() throws Exception {
        var round = Transactions.inTransaction(tx, () -> VotingRoundFixture.inVoting(em, BOSTANDYK,
                BallotRule.approval(1, 3), 100_000_000L, 10_000_000L, 20_000_000L, 30_000_000L, 15_000_000L));
        SyntheticPopulation population = new SyntheticPopulation(System.nanoTime());
        LocalDate today = LocalDate.now();
        List<SyntheticPopulation.Resident> residents = population.residents(
                List.of(new SyntheticPopulation.District(BOSTANDYK, 1)), 400, today);

        List<Long> ids = steps.register(residents, Instant.now());
        assertThat(ids).hasSize(400).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(steps.register(residents.subList(0, 10), Instant.now())).isEqualTo(ids.subList(0, 10));

        List<Voter> voters = new ArrayList<>();
        for (Long id : ids) {
            voters.add(new Voter(id, BOSTANDYK, 3));
        }
        Instant from = Instant.now().minus(2, ChronoUnit.DAYS);
        Instant to = Instant.now().minus(1, ChronoUnit.MINUTES);
        var projects = steps.projects(round.id());
        assertThat(projects).hasSize(4).allSatisfy(p -> assertThat(p.kato()).isEqualTo(BOSTANDYK));
        var r = new SyntheticElectorateSteps.Round(round.id(), projects, population.popularity(projects), from, to);
        Written written = steps.cast(r, voters.subList(0, 370), population);

        assertThat(written.voters()).isEqualTo(370);
        assertThat(written.ballots()).isGreaterThan(370);
        assertThat(count("select count(*) from voting_participation where round_id = ?1 and casts > 0", round.id()))
                .isEqualTo(370);
        assertThat(count("select count(*) from ballot where round_id = ?1 and superseded_at is null", round.id()))
                .isEqualTo(370);
        assertThat(count("select count(*) from ballot where round_id = ?1", round.id())).isEqualTo(written.ballots());
        assertThat(count("select count(*) from ballot where round_id = ?1 and (cardinality(proposal_ids) not between 1 and 3 "
                + "or cast_at < ?2 or cast_at >= ?3)", round.id(), Timestamp.from(from), Timestamp.from(to))).isZero();
        long paper = count("select count(*) from voting_participation where round_id = ?1 and channel = 'PAPER'", round.id());
        assertThat(paper).isPositive();
        assertThat(count("select count(*) from paper_ballot where round_id = ?1 and status = 'CONFIRMED'", round.id()))
                .isEqualTo(paper);
        assertThat(count("select count(*) from paper_ballot_entry e join paper_ballot b on b.id = e.paper_ballot_id "
                + "where b.round_id = ?1", round.id())).isEqualTo(2 * paper);
        assertThat(count("select count(*) from cast_signal where round_id = ?1", round.id()))
                .isEqualTo(written.ballots() - paper);
        assertThat(count("select count(*) from voting_participation where round_id = ?1 and channel in ('WEB', 'MOBILE')",
                round.id())).isEqualTo(370 - paper);

        // Thirty of the others within two and a half minutes from one network and one browser: flagged, not refused.
        Instant burstAt = Instant.now().minus(3, ChronoUnit.HOURS);
        Written burst = steps.burst(r, voters.subList(370, 400), population, burstAt);
        assertThat(burst.voters()).isEqualTo(30);
        assertThat(count("select count(*) from voting_participation where round_id = ?1 and casts > 0", round.id()))
                .isEqualTo(400);
        var flags = asBostandyk.call(() -> report.flags()).stream()
                .filter(f -> f.roundId() != null && f.roundId() == round.id()).toList();
        assertThat(flags).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Kind.NETWORK_BURST);
            assertThat(f.subject()).isEqualTo("198.51.100.0/24");
            assertThat(Duration.between(f.from(), f.to())).isLessThanOrEqualTo(Duration.ofMinutes(10));
        });
        assertThat(flags).anySatisfy(f -> assertThat(f.kind()).isEqualTo(Kind.DEVICE_BURST));
        // The spread-out casts of the others are not flagged.
        assertThat(flags).allSatisfy(f -> assertThat(f.subject()).doesNotStartWith("10."));
    }

    private long count(String sql, Object... parameters) {
        var q = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            q.setParameter(i + 1, parameters[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }
}
