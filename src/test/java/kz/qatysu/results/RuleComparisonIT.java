package kz.qatysu.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import jakarta.ejb.EJB;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.platform.batch.BatchJobs;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.platform.testing.RunAsBostandykModerator;
import kz.qatysu.platform.testing.RunAsEsilModerator;
import kz.qatysu.platform.testing.Transactions;
import kz.qatysu.results.application.RuleComparisonService;
import kz.qatysu.results.application.RuleComparisonService.CountedRoundLine;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.voting.VotingRoundFixture;
import kz.qatysu.voting.application.BallotBox;
import kz.qatysu.voting.domain.BallotChoice;
import kz.qatysu.voting.domain.Channel;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Greedy against Equal Shares on the counted ballots of a real round: refused before the count, the figures of both
 * rules after it, and only for staff whose territory covers the round.
 */
@ExtendWith(ArquillianExtension.class)
public class RuleComparisonIT {

    private static final String BOSTANDYK = "751410000";

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(RuleComparisonIT.class).addClasses(VotingRoundFixture.class,
                SyntheticIins.class);
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private UserTransaction tx;
    @Inject
    private BallotBox box;
    @Inject
    private BatchJobs jobs;
    @EJB
    private RuleComparisonService comparisons;
    @EJB
    private RunAsBostandykModerator asBostandyk;
    @EJB
    private RunAsEsilModerator asEsil;

    private void cast(long roundId, List<Long> projects) throws Exception {
        long citizen = Transactions.inTransaction(tx, () -> VotingRoundFixture.citizen(em, BOSTANDYK,
                LocalDate.of(1980, 1, 1))).getId();
        Transactions.inTransaction(tx, () -> box.cast(box.lockForCasting(roundId), em.find(Citizen.class, citizen),
                BallotChoice.approve(projects), Channel.WEB));
    }

    @Test
    void theMajorityTakesEverythingUnderGreedyWhileEqualSharesGivesEachGroupItsShare() throws Exception {
        Instant end = Instant.now().plusSeconds(4);
        var round = Transactions.inTransaction(tx, () -> VotingRoundFixture.inVoting(em, BOSTANDYK,
                BallotRule.approval(1, 3), "greedy_cost", end, end.plusMillis(200), 100_000_000L,
                60_000_000L, 40_000_000L, 40_000_000L, 30_000_000L));
        List<Long> p = round.onBallot(); // 60 M and 40 M for the majority, 40 M and 30 M for the minority
        for (int i = 0; i < 6; i++) {
            cast(round.id(), List.of(p.get(0), p.get(1)));
        }
        for (int i = 0; i < 4; i++) {
            cast(round.id(), List.of(p.get(2), p.get(3)));
        }

        // During voting the ballots are secret: no comparison.
        assertThatThrownBy(() -> asBostandyk.call(() -> comparisons.compare(round.id())))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("results.comparison.not-counted");

        while (Instant.now().isBefore(end.plusMillis(300))) {
            Thread.sleep(50);
        }
        long execution = jobs.start("close-round", new Properties()).orElseThrow();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!jobs.ended(execution) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        var view = asBostandyk.call(() -> comparisons.compare(round.id()));
        assertThat(view.roundRule()).isEqualTo("greedy_cost");
        // Greedy: the majority's two projects fill the budget. Equal Shares: each group gets projects worth its
        // share (which of a group's equally good projects is bought first is the engine's tie-break).
        assertThat(view.result().greedy().funded()).containsExactlyInAnyOrder(p.get(0), p.get(1));
        assertThat(view.result().onlyEqualShares()).isNotEmpty().isSubsetOf(p.get(2), p.get(3));
        assertThat(view.result().equalShares().funded()).containsAnyOf(p.get(0), p.get(1));
        assertThat(view.result().both()).isSubsetOf(p.get(0), p.get(1));
        assertThat(view.result().onlyGreedy()).isSubsetOf(p.get(0), p.get(1));
        assertThat(view.result().equalShares().totalCost()).isLessThanOrEqualTo(100_000_000L);
        assertThat(view.result().greedy().satisfiedPercent()).isEqualTo(60.0);
        assertThat(view.result().equalShares().satisfiedPercent()).isEqualTo(100.0);
        assertThat(view.result().greedy().totalCost()).isEqualTo(100_000_000L);
        assertThat(view.projects()).hasSize(4);
        assertThat(view.projects().get(0).differs()).isTrue();
        assertThat(view.projects().stream().filter(l -> l.proposalId() == p.get(0)).findFirst().orElseThrow().votes())
                .isEqualTo(6);
        assertThat(view.projects().stream().filter(l -> l.proposalId() == p.get(3)).findFirst().orElseThrow().votes())
                .isEqualTo(4);
        // The comparison changes nothing of the published outcome.
        assertThat(((Number) em.createNativeQuery("select total_cost from round_outcome where round_id = ?1")
                .setParameter(1, round.id()).getSingleResult()).longValue()).isEqualTo(100_000_000L);

        assertThat(asBostandyk.call(() -> comparisons.countedRounds())).extracting(CountedRoundLine::id)
                .contains(round.id());
        // Another district's staff neither see the round in their list nor get it by asking for its id.
        assertThat(asEsil.call(() -> comparisons.countedRounds())).extracting(CountedRoundLine::id)
                .doesNotContain(round.id());
        assertThatThrownBy(() -> asEsil.call(() -> comparisons.compare(round.id())))
                .isInstanceOf(AccessRefused.class);
    }

    @Test
    void anUnknownRoundIsNotFound() {
        assertThatThrownBy(() -> asBostandyk.call(() -> comparisons.compare(999_999_999L)))
                .isInstanceOf(kz.qatysu.platform.security.NotFound.class);
    }
}
