package kz.qatysu.round;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import kz.qatysu.audit.domain.AuditChain;
import kz.qatysu.audit.domain.AuditEntry;
import kz.qatysu.citizen.application.CitizenService;
import kz.qatysu.citizen.application.IdentityClaims;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.meeting.domain.CommunityMeeting;
import kz.qatysu.meeting.domain.QuorumRule;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.platform.testing.Transactions;
import kz.qatysu.platform.testing.RunAsCitizen;
import kz.qatysu.proposal.domain.Bin;
import kz.qatysu.proposal.domain.CostEstimate;
import kz.qatysu.proposal.domain.CostLine;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalContent;
import kz.qatysu.proposal.domain.ProposalDescription;
import kz.qatysu.proposal.domain.ProposalLocation;
import kz.qatysu.proposal.domain.ProposalStatus;
import kz.qatysu.proposal.domain.ProposalTitle;
import kz.qatysu.proposal.domain.Proposer;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.RoundFixtures;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rounds, proposals, meetings and audit domain against the schema of {@code sql/V002}: the JPA mapping, the
 * database's own guards (frozen rules, append-only audit log) and a round trip of every aggregate.
 */
@ExtendWith(ArquillianExtension.class)
public class RoundPersistenceIT {

    private static final Actor MODERATOR = Actor.staff("moderator.bostandyk");
    private static final Instant NOW = Instant.parse("2026-02-10T06:00:00Z");

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(RoundPersistenceIT.class, SyntheticIins.class)
                .addClass(RoundFixtures.class);
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private UserTransaction tx;
    @EJB
    private CitizenService citizens;
    @EJB
    private RunAsCitizen asCitizen;

    private <T> T inTransaction(Callable<T> work) throws Exception {
        return Transactions.inTransaction(tx, work);
    }

    private long residentOfBostandyk() throws Exception {
        String iin = SyntheticIins.next();
        return asCitizen.call(() -> citizens.signIn(
                new IdentityClaims(iin, "Серікбаев", "Нұрлан", null, null, RoundFixtures.BOSTANDYK.value())));
    }

    private static ProposalContent content() {
        return new ProposalContent(new ProposalTitle("Саябаққа жаңа орындықтар"),
                new ProposalDescription("Әл-Фараби даңғылындағы саябаққа орындықтар мен шамдар орнату."),
                "parks", ProposalLocation.of("Әл-Фараби даңғылы, 77", 43.2180, 76.9270),
                CostEstimate.of(List.of(new CostLine("Орындықтар", 20, 150_000), new CostLine("Жарықтандыру", 10, 400_000))),
                Set.of(Bin.parse("940140000385")));
    }

    @Test
    public void aRoundWithAProposalThroughReviewSurvivesTheRoundTrip() throws Exception {
        long author = residentOfBostandyk();
        long[] ids = inTransaction(() -> {
            BudgetRound round = RoundFixtures.advance(RoundFixtures.roundWithRules(false), Phase.PROPOSAL_SUBMISSION);
            em.persist(round);
            Actor citizen = Actor.citizen(author);
            Proposal p = Proposal.draft(round, Proposer.citizen(author), RoundFixtures.BOSTANDYK, content(), citizen, NOW);
            p.submit(citizen, NOW);
            p.startModeration(MODERATOR, NOW);
            p.accept(MODERATOR, NOW);
            p.startReview(Actor.staff("reviewer.bostandyk"), NOW);
            p.markFeasible(6_500_000, "Смета проверена", Actor.staff("reviewer.bostandyk"), NOW);
            em.persist(p);
            em.flush();
            return new long[]{round.getId(), p.getId()};
        });
        em.clear();

        Proposal stored = em.find(Proposal.class, ids[1]);
        assertThat(stored.status()).isEqualTo(ProposalStatus.FEASIBLE);
        assertThat(stored.assessedCost()).contains(6_500_000L);
        assertThat(stored.estimatedCost()).isEqualTo(7_000_000L);
        assertThat(stored.costEstimate().lines()).hasSize(2);
        assertThat(stored.coProposers()).extracting(Bin::value).containsExactly("940140000385");
        assertThat(stored.history()).extracting(h -> h.to()).containsExactly(ProposalStatus.DRAFT,
                ProposalStatus.SUBMITTED, ProposalStatus.UNDER_MODERATION, ProposalStatus.ACCEPTED,
                ProposalStatus.UNDER_REVIEW, ProposalStatus.FEASIBLE);
        BudgetRound round = em.find(BudgetRound.class, ids[0]);
        assertThat(round.phase()).isEqualTo(Phase.PROPOSAL_SUBMISSION);
        assertThat(round.hasCategory("parks")).isTrue();
        assertThat(round.frozenManifest()).isEmpty();
    }

    @Test
    public void votingFreezesTheRulesAndTheDatabaseRefusesToChangeThem() throws Exception {
        // As in operation: created while drafting, advanced later, phase by phase, in separate transactions.
        long roundId = inTransaction(() -> {
            BudgetRound round = RoundFixtures.roundWithRules(false);
            em.persist(round);
            em.flush();
            return round.getId();
        });
        em.clear();
        inTransaction(() -> RoundFixtures.advance(em.find(BudgetRound.class, roundId), Phase.VOTING));
        em.clear();
        inTransaction(() -> RoundFixtures.advance(em.find(BudgetRound.class, roundId), Phase.COUNTING));
        em.clear();

        BudgetRound stored = em.find(BudgetRound.class, roundId);
        assertThat(stored.phase()).isEqualTo(Phase.COUNTING);
        assertThat(stored.hasCategory("parks")).isTrue();
        assertThat(stored.frozenManifest()).hasValueSatisfying(m -> {
            assertThat(m.sha256()).matches("[0-9a-f]{64}");
            assertThat(m.sha256()).isEqualTo(stored.manifest().sha256());
        });
        assertThatThrownBy(() -> inTransaction(() -> em.createNativeQuery(
                "update budget_round set total_budget = total_budget + 1 where id = ?1")
                .setParameter(1, roundId).executeUpdate()))
                .hasStackTraceContaining("rules-frozen");
        em.clear();
        assertThat(em.find(BudgetRound.class, roundId).totalBudget()).isEqualTo(stored.totalBudget());
    }

    @Test
    public void aMeetingKeepsItsAttendeesOnceAndItsMinutes() throws Exception {
        long first = residentOfBostandyk();
        long second = residentOfBostandyk();
        long meetingId = inTransaction(() -> {
            CommunityMeeting m = CommunityMeeting.record(RoundFixtures.BOSTANDYK, LocalDate.of(2026, 2, 15),
                    "Мектеп №12 акт залы", "Саябақты абаттандыру", QuorumRule.absolute(2), MODERATOR, NOW);
            m.admit(first, RoundFixtures.BOSTANDYK, LocalDate.of(1880, 4, 16));
            m.admit(first, RoundFixtures.BOSTANDYK, LocalDate.of(1880, 4, 16));
            m.admit(second, RoundFixtures.BOSTANDYK, LocalDate.of(1875, 5, 5));
            m.recordMinutes("Жиналыс саябақ жобасын қолдады.");
            em.persist(m);
            em.flush();
            return m.getId();
        });
        em.clear();

        CommunityMeeting stored = em.find(CommunityMeeting.class, meetingId);
        assertThat(stored.attendeeIds()).containsExactlyInAnyOrder(first, second);
        assertThat(stored.hasQuorum(100)).isTrue();
        assertThat(stored.minutes()).contains("Жиналыс саябақ жобасын қолдады.");
    }

    @Test
    public void theAuditLogIsAChainTheDatabaseKeepsAppendOnly() throws Exception {
        String entity = "it-" + System.nanoTime();
        List<Long> sequences = inTransaction(() -> {
            AuditEntry last = em.createQuery("select a from AuditEntry a order by a.sequence desc", AuditEntry.class)
                    .setMaxResults(1).getResultStream().findFirst().orElse(null);
            List<Long> written = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                last = AuditEntry.append(last, MODERATOR, "proposal.accept", "Proposal", entity,
                        "{\"status\":\"UNDER_MODERATION\"}", "{\"status\":\"ACCEPTED\"}", NOW.plusSeconds(i));
                em.persist(last);
                written.add(last.sequence());
            }
            return written;
        });
        em.clear();

        List<AuditEntry> chain = em.createQuery("select a from AuditEntry a order by a.sequence", AuditEntry.class)
                .getResultList();
        assertThat(AuditChain.verify(chain).ok()).isTrue();
        assertThatThrownBy(() -> inTransaction(() -> em.createNativeQuery(
                "update audit_entry set action = 'tampered' where sequence = ?1")
                .setParameter(1, sequences.getFirst()).executeUpdate()))
                .isNotNull();
        assertThatThrownBy(() -> inTransaction(() -> em.createNativeQuery("delete from audit_entry where sequence = ?1")
                .setParameter(1, sequences.getLast()).executeUpdate()))
                .isNotNull();
        assertThat(em.createQuery("select count(a) from AuditEntry a where a.entityId = :e", Long.class)
                .setParameter("e", entity).getSingleResult()).isEqualTo(3);
    }
}
