package kz.qatysu.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import kz.qatysu.anomaly.application.AnomalyReport;
import kz.qatysu.anomaly.application.AnomalyReport.Flag;
import kz.qatysu.anomaly.application.AnomalyReport.Kind;
import kz.qatysu.anomaly.application.CastSignals;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.platform.testing.Deployments;
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
 * The moderators' anomaly report on real data: a burst of casts from one network and one device, a residence unit
 * voting mostly on paper, a meeting with more attendees than eligible residents — flagged for the staff of the
 * territory, invisible to others; nothing flagged is changed.
 */
@ExtendWith(ArquillianExtension.class)
public class AnomalyReportIT {

    private static final String ALMATY = "750000000";
    private static final String BOSTANDYK = "751410000";
    private static final String AUEZOV = "751310000";

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(AnomalyReportIT.class).addClasses(VotingRoundFixture.class,
                SyntheticIins.class);
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private UserTransaction tx;
    @Inject
    private BallotBox box;
    @EJB
    private CastSignals signals;
    @EJB
    private AnomalyReport report;
    @EJB
    private RunAsBostandykModerator asBostandyk;
    @EJB
    private RunAsEsilModerator asEsil;

    private List<Flag> flagsOf(Kind kind, long roundId, List<Flag> flags) {
        return flags.stream().filter(f -> f.kind() == kind && f.roundId() != null && f.roundId() == roundId).toList();
    }

    @Test
    void aBurstFromOneNetworkAndOneDeviceIsFlaggedForTheTerritorysStaffOnly() throws Exception {
        var round = Transactions.inTransaction(tx, () -> VotingRoundFixture.inVoting(em, BOSTANDYK,
                BallotRule.approval(1, 3), 50_000_000L, 10_000_000L, 20_000_000L));
        // 45 casts from one /24 with one browser (a window boundary may split them, never below the threshold of 20),
        // and a handful from other networks and browsers.
        for (int i = 0; i < 45; i++) {
            signals.record(round.id(), Channel.WEB, "203.0.113." + (i % 250 + 1), "Mozilla/5.0 (X11) Burst/1.0", "kk");
        }
        for (int i = 0; i < 5; i++) {
            signals.record(round.id(), Channel.MOBILE, "198.51." + i + ".7", "QatysuApp/" + i, "ru");
        }
        assertThat(((Number) em.createNativeQuery("select count(*) from cast_signal where round_id = ?1")
                .setParameter(1, round.id()).getSingleResult()).intValue()).isEqualTo(50);

        List<Flag> flags = asBostandyk.call(() -> report.flags());
        List<Flag> networks = flagsOf(Kind.NETWORK_BURST, round.id(), flags);
        assertThat(networks).isNotEmpty().allSatisfy(f -> {
            assertThat(f.subject()).isEqualTo("203.0.113.0/24");
            assertThat(f.observed()).isGreaterThanOrEqualTo(20);
            assertThat(f.expected()).isEqualTo(20);
            assertThat(f.territoryCode()).isEqualTo(BOSTANDYK);
            assertThat(f.to()).isAfter(f.from());
        });
        assertThat(networks.stream().mapToLong(Flag::observed).sum()).isLessThanOrEqualTo(45);
        List<Flag> devices = flagsOf(Kind.DEVICE_BURST, round.id(), flags);
        assertThat(devices).isNotEmpty().allSatisfy(f -> assertThat(f.subject()).matches("[0-9a-f]{12}"));
        // The device hash is keyed: the browser's own description is stored nowhere.
        assertThat(((Number) em.createNativeQuery("select count(*) from cast_signal where device like '%Mozilla%' "
                + "or network like '203.0.113.1%'").getSingleResult()).intValue()).isZero();

        assertThat(flagsOf(Kind.NETWORK_BURST, round.id(), asEsil.call(() -> report.flags()))).isEmpty();
    }

    @Test
    void aBurstAcrossTheBoundaryOfTenMinuteWindowsIsOneFlagAndASteadyTrickleIsNone() throws Exception {
        var round = Transactions.inTransaction(tx, () -> VotingRoundFixture.inVoting(em, BOSTANDYK,
                BallotRule.approval(1, 3), 50_000_000L, 10_000_000L, 20_000_000L));
        // 24 casts from 09:58 to 10:01 (12 each side of 10:00, below the threshold in either fixed window), then
        // 36 casts over an hour from another network, one every 100 seconds: never 20 in ten minutes.
        Instant tenOClock = LocalDate.now().minusDays(1).atTime(10, 0).toInstant(ZoneOffset.UTC);
        Transactions.inTransaction(tx, () -> {
            for (int i = 0; i < 24; i++) {
                signals.recordWithin(round.id(), Channel.WEB, "192.0.2." + (i + 1), "Burst/2.0", "ru",
                        tenOClock.plusSeconds(-120 + i * 10));
            }
            for (int i = 0; i < 36; i++) {
                signals.recordWithin(round.id(), Channel.MOBILE, "198.18.7." + (i + 1), "Trickle/" + i, "kk",
                        tenOClock.plusSeconds(3600 + i * 100L));
            }
            return null;
        });

        List<Flag> networks = flagsOf(Kind.NETWORK_BURST, round.id(), asBostandyk.call(() -> report.flags()));
        assertThat(networks).singleElement().satisfies(f -> {
            assertThat(f.subject()).isEqualTo("192.0.2.0/24");
            assertThat(f.observed()).isEqualTo(24);
            assertThat(f.from()).isEqualTo(tenOClock.minusSeconds(120));
            assertThat(f.to()).isEqualTo(tenOClock.plusSeconds(480));
        });
        assertThat(flagsOf(Kind.DEVICE_BURST, round.id(), asBostandyk.call(() -> report.flags())))
                .singleElement().satisfies(f -> assertThat(f.observed()).isEqualTo(24));
    }

    @Test
    void aUnitVotingMostlyOnPaperIsFlaggedAgainstItsRound() throws Exception {
        var round = Transactions.inTransaction(tx, () -> VotingRoundFixture.inVoting(em, ALMATY,
                BallotRule.approval(1, 3), 50_000_000L, 10_000_000L, 20_000_000L));
        BallotChoice choice = BallotChoice.approve(List.of(round.onBallot().get(0)));
        // Bostandyk: 15 of 20 on paper (75 %); Auezov: 40 on the web. The round: 15 of 60 (25 %).
        for (int i = 0; i < 60; i++) {
            String unit = i < 20 ? BOSTANDYK : AUEZOV;
            Channel channel = i < 15 ? Channel.PAPER : Channel.WEB;
            long citizen = Transactions.inTransaction(tx, () -> VotingRoundFixture.citizen(em, unit,
                    LocalDate.of(1975, 5, 5))).getId();
            Transactions.inTransaction(tx, () -> box.cast(box.lockForCasting(round.id()),
                    em.find(Citizen.class, citizen), choice, channel));
        }

        List<Flag> paper = flagsOf(Kind.PAPER_SHARE, round.id(), asBostandyk.call(() -> report.flags()));
        assertThat(paper).singleElement().satisfies(f -> {
            assertThat(f.territoryCode()).isEqualTo(BOSTANDYK);
            assertThat(f.observed()).isEqualTo(75);
            assertThat(f.expected()).isEqualTo(25);
        });
        assertThat(flagsOf(Kind.PAPER_SHARE, round.id(), asEsil.call(() -> report.flags()))).isEmpty();
        // Flags change nothing: all 60 ballots still count.
        assertThat(((Number) em.createNativeQuery("select count(*) from ballot where round_id = ?1 "
                + "and superseded_at is null").setParameter(1, round.id()).getSingleResult()).intValue()).isEqualTo(60);
    }

    @Test
    void aMeetingWithMoreAttendeesThanEligibleResidentsIsFlagged() throws Exception {
        long meeting = Transactions.inTransaction(tx, () -> {
            long id = ((Number) em.createNativeQuery("insert into community_meeting (territory_code, held_on, place, "
                            + "agenda, quorum_kind, quorum_value, recorded_by, recorded_at, eligible_residents) values "
                            + "(?1, current_date, 'Мектеп / Школа', 'Жоба / Проект', 'ABSOLUTE', 1, 'anomaly-it', now(), 2) "
                            + "returning id").setParameter(1, BOSTANDYK).getSingleResult()).longValue();
            for (int i = 0; i < 3; i++) {
                long citizen = VotingRoundFixture.citizen(em, BOSTANDYK, LocalDate.of(1970, 1, 1)).getId();
                em.createNativeQuery("insert into community_meeting_attendee (meeting_id, citizen_id) values (?1, ?2)")
                        .setParameter(1, id).setParameter(2, citizen).executeUpdate();
            }
            return id;
        });

        List<Flag> flags = asBostandyk.call(() -> report.flags()).stream()
                .filter(f -> f.kind() == Kind.MEETING_ATTENDANCE && f.meetingId() == meeting).toList();
        assertThat(flags).singleElement().satisfies(f -> {
            assertThat(f.observed()).isEqualTo(3);
            assertThat(f.expected()).isEqualTo(2);
        });
        assertThat(asEsil.call(() -> report.flags())).noneMatch(f -> f.meetingId() != null && f.meetingId() == meeting);
    }
}
