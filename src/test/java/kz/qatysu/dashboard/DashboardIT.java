package kz.qatysu.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.List;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.dashboard.application.DashboardService;
import kz.qatysu.dashboard.application.DashboardService.TurnoutLine;
import kz.qatysu.dashboard.application.EligiblePopulationRejected;
import kz.qatysu.dashboard.application.EligiblePopulationService;
import kz.qatysu.dashboard.domain.AgeSexTable;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.platform.testing.RunAsAdmin;
import kz.qatysu.platform.testing.RunAsBostandykModerator;
import kz.qatysu.platform.testing.RunAsEsilModerator;
import kz.qatysu.platform.testing.Transactions;
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
 * The dashboard's figures against the database: counted ballots of a real round by territory, day, channel, age and
 * sex (small groups hidden), the proposals funnel; the eligible-population upload; and the territorial scope.
 */
@ExtendWith(ArquillianExtension.class)
public class DashboardIT {

    private static final String ALMATY = "750000000";
    private static final String BOSTANDYK = "751410000";
    private static final String ESIL = "711210000";

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(DashboardIT.class).addClasses(VotingRoundFixture.class, SyntheticIins.class);
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private UserTransaction tx;
    @Inject
    private BallotBox box;
    @EJB
    private DashboardService dashboard;
    @EJB
    private EligiblePopulationService eligible;
    @EJB
    private RunAsAdmin asAdmin;
    @EJB
    private RunAsBostandykModerator asBostandyk;
    @EJB
    private RunAsEsilModerator asEsil;

    private void cast(long roundId, long proposal, LocalDate birth, Channel channel) throws Exception {
        long citizen = Transactions.inTransaction(tx, () -> VotingRoundFixture.citizen(em, BOSTANDYK, birth)).getId();
        Transactions.inTransaction(tx, () -> box.cast(box.lockForCasting(roundId), em.find(Citizen.class, citizen),
                BallotChoice.approve(List.of(proposal)), channel));
    }

    private long sql(String query, Object... params) {
        var q = em.createNativeQuery(query);
        for (int i = 0; i < params.length; i++) {
            q.setParameter(i + 1, params[i]);
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    @Test
    void figuresOfARoundEqualTheDatabaseAndSmallGroupsAreHidden() throws Exception {
        var round = Transactions.inTransaction(tx, () -> VotingRoundFixture.inVoting(em, BOSTANDYK,
                BallotRule.approval(1, 2), 10_000_000L, 4_000_000L, 3_000_000L));
        for (int i = 0; i < 3; i++) {
            cast(round.id(), round.onBallot().get(0), LocalDate.of(1980, 3, 1), Channel.WEB);
        }
        cast(round.id(), round.onBallot().get(1), LocalDate.of(1990, 3, 1), Channel.MOBILE);
        long counted = sql("select count(*) from ballot where round_id = ?1 and superseded_at is null", round.id());
        assertThat(counted).isEqualTo(4);

        List<TurnoutLine> almaty = asAdmin.call(() -> dashboard.turnout(ALMATY, round.id()));
        TurnoutLine bostandyk = almaty.stream().filter(l -> l.code().equals(BOSTANDYK)).findFirst().orElseThrow();
        assertThat(bostandyk.ballots()).isEqualTo(counted);
        assertThat(bostandyk.voters()).isEqualTo(counted);
        // The republic level: Almaty holds the round's ballots.
        assertThat(asAdmin.call(() -> dashboard.turnout(null, round.id())).stream()
                .filter(l -> l.code().equals(ALMATY)).findFirst().orElseThrow().ballots()).isEqualTo(counted);

        var days = asAdmin.call(() -> dashboard.ballotsPerDay(BOSTANDYK, round.id()));
        assertThat(days.stream().mapToLong(DashboardService.DayLine::ballots).sum()).isEqualTo(counted);
        var channels = asBostandyk.call(() -> dashboard.channels(BOSTANDYK, round.id()));
        assertThat(channels).contains(new DashboardService.ChannelLine("WEB", 3),
                new DashboardService.ChannelLine("MOBILE", 1), new DashboardService.ChannelLine("PAPER", 0));

        // The lone voter born in 1990 is a group below k: hidden; the three born in 1980 shown only if k <= 3.
        int k = asBostandyk.call(() -> dashboard.k());
        AgeSexTable ageSex = asBostandyk.call(() -> dashboard.ageAndSex(BOSTANDYK, round.id()));
        assertThat(ageSex.rows()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.female().suppressed()).isTrue();
            assertThat(r.male().suppressed() || r.male().count() >= k).isTrue();
        });
        assertThat(ageSex.rows()).anySatisfy(r -> assertThat(r.male().suppressed()).isTrue());

        var funnel = asBostandyk.call(() -> dashboard.funnel(BOSTANDYK, round.id(), 0, 50));
        assertThat(funnel).hasSize(1);
        assertThat(funnel.getFirst().submitted()).isEqualTo(3);
        assertThat(funnel.getFirst().accepted()).isEqualTo(3);
        assertThat(funnel.getFirst().feasible()).isEqualTo(2);
        assertThat(funnel.getFirst().onBallot()).isEqualTo(2);
        assertThat(funnel.getFirst().completed()).isZero(); // voting, nothing built yet
        assertThat(asBostandyk.call(() -> dashboard.funnelCount(BOSTANDYK, round.id()))).isEqualTo(1);
    }

    @Test
    void akimatStaffReachOnlyTheirOwnSubtree() throws Exception {
        assertThat(asBostandyk.call(() -> dashboard.home())).isEqualTo(BOSTANDYK);
        assertThat(asAdmin.call(() -> dashboard.home())).isNull();
        // Crafted requests for another district, its region or the republic are refused.
        assertThatThrownBy(() -> asEsil.call(() -> dashboard.turnout(BOSTANDYK, null))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asEsil.call(() -> dashboard.level(BOSTANDYK))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asEsil.call(() -> dashboard.funnel(ALMATY, null, 0, 10))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asEsil.call(() -> dashboard.ageAndSex(null, null))).isInstanceOf(AccessRefused.class);
        // Their own figures never include Bostandyk's residents.
        assertThat(asEsil.call(() -> dashboard.turnout(ESIL, null))).extracting(TurnoutLine::code)
                .containsOnly(ESIL);
        assertThat(asEsil.call(() -> dashboard.level(ESIL)).path()).isEmpty();
    }

    @Test
    void eligibleResidentsAreLoadedAllOrNothingAndGiveTurnout() throws Exception {
        assertThatThrownBy(() -> asAdmin.call(() -> eligible.load("751410000,100\n999990000,5\n711210000,-1\n", "t")))
                .isInstanceOf(EligiblePopulationRejected.class)
                .satisfies(e -> assertThat(((EligiblePopulationRejected) e).problems())
                        .extracting(p -> p.line() + ":" + p.messageKey())
                        .containsExactly("2:dashboard.eligible.unknown-kato", "3:dashboard.eligible.negative"));
        assertThat(sql("select count(*) from eligible_population where territory_code = ?1 and eligible_residents = 100",
                BOSTANDYK)).isZero();
        assertThatThrownBy(() -> asBostandyk.call(() -> eligible.load("751410000,100\n", "t")))
                .isInstanceOf(jakarta.ejb.EJBAccessException.class);

        var loaded = asAdmin.call(() -> eligible.load("kato,eligible_residents,as_of\n751410000,200000,2026-01-01\n", "t"));
        assertThat(loaded.units()).isEqualTo(1);
        assertThat(sql("select count(*) from audit_entry where action = 'eligible-population.load'")).isPositive();
        TurnoutLine bostandyk = asAdmin.call(() -> dashboard.turnout(ALMATY, null)).stream()
                .filter(l -> l.code().equals(BOSTANDYK)).findFirst().orElseThrow();
        assertThat(bostandyk.eligible()).isEqualTo(200000);
        assertThat(bostandyk.percent()).isEqualTo(Math.round(bostandyk.voters() * 1000.0 / 200000) / 10.0);
    }
}
