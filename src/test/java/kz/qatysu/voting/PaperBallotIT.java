package kz.qatysu.voting;

import static kz.qatysu.platform.testing.Transactions.inTransaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.citizen.domain.Iin;
import kz.qatysu.citizen.domain.PersonName;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.meeting.domain.CommunityMeeting;
import kz.qatysu.meeting.domain.QuorumRule;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.security.AccessRefused;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.platform.testing.RunAsAdmin;
import kz.qatysu.platform.testing.RunAsBostandykModerator;
import kz.qatysu.platform.testing.RunAsEsilModerator;
import kz.qatysu.proposal.domain.CostEstimate;
import kz.qatysu.proposal.domain.CostLine;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalContent;
import kz.qatysu.proposal.domain.ProposalDescription;
import kz.qatysu.proposal.domain.ProposalLocation;
import kz.qatysu.proposal.domain.ProposalTitle;
import kz.qatysu.proposal.domain.Proposer;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.PaperAfterOnline;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.PhaseCalendar;
import kz.qatysu.round.domain.RoundCategory;
import kz.qatysu.round.domain.RoundText;
import kz.qatysu.territory.domain.KatoCode;
import kz.qatysu.territory.domain.Territory;
import kz.qatysu.voting.application.BallotBox;
import kz.qatysu.voting.application.PaperBallotLine;
import kz.qatysu.voting.application.PaperBallotService;
import kz.qatysu.voting.application.PaperEntryForm;
import kz.qatysu.voting.application.PaperEntryResult;
import kz.qatysu.voting.application.PaperRound;
import kz.qatysu.voting.domain.BallotChoice;
import kz.qatysu.voting.domain.Channel;
import kz.qatysu.voting.domain.PaperBallotStatus;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Paper ballots through {@link PaperBallotService}, in the container against the real schema: the Bostandyk
 * moderator enters, the operator (admin) enters again; only two agreeing entries by two people count, through the
 * same ballot box as the web. Voters are fresh synthetic IINs registered by the entry itself. The demo round in
 * voting "Бостандык: безопасные улицы 2026" (approval, 1 to 3 projects, REFUSE) serves most tests; rounds of their
 * own (FLAG, closed) are built here, so no shared round is closed or changed.
 */
@ExtendWith(ArquillianExtension.class)
public class PaperBallotIT {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final String BOSTANDYK = "751410000";
    private static final String ESIL = "711210000";
    private static final String DEMO_RESIDENT = "800416100254";

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(PaperBallotIT.class).addClass(SyntheticIins.class);
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private UserTransaction tx;
    @EJB
    private PaperBallotService papers;
    @Inject
    private BallotBox box;
    @EJB
    private RunAsBostandykModerator asModerator;
    @EJB
    private RunAsAdmin asAdmin;
    @EJB
    private RunAsEsilModerator asEsil;

    // ---------------------------------------------------------------- fixtures

    private long demoRound() {
        return ((Number) em.createNativeQuery("select id from budget_round where title_ru = ?1 and phase = 'VOTING'")
                .setParameter(1, "Бостандык: безопасные улицы 2026").getSingleResult()).longValue();
    }

    private List<Long> projects(long roundId) {
        return em.createNativeQuery("select id from proposal where round_id = ?1 and status = 'ON_BALLOT' order by id")
                .setParameter(1, roundId).getResultStream().map(id -> ((Number) id).longValue()).toList();
    }

    private static String serial() {
        return "IT-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    }

    private static PaperEntryForm form(String serial, String iin, String residence, List<Long> approved) {
        return new PaperEntryForm(serial, iin, "Тестов", "Қағаз", null, residence, approved, null);
    }

    private PaperEntryResult first(PaperEntryForm form, long roundId) throws Exception {
        return asModerator.call(() -> papers.enterFirst(roundId, form));
    }

    private PaperEntryResult second(PaperEntryForm form, long roundId) throws Exception {
        return asAdmin.call(() -> papers.enterAgain(roundId, form));
    }

    private long count(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    private long citizenId(String iin) {
        return count("select id from citizen where iin = ?1", iin);
    }

    private long citizens(String iin) {
        return count("select count(*) from citizen where iin = ?1", iin);
    }

    private long casts(long roundId, String iin) {
        return count("select coalesce(sum(p.casts), 0) from voting_participation p join citizen c on c.id = p.citizen_id "
                + "where p.round_id = ?1 and c.iin = ?2", roundId, iin);
    }

    private String channel(long roundId, String iin) {
        return (String) em.createNativeQuery("select p.channel from voting_participation p join citizen c "
                        + "on c.id = p.citizen_id where p.round_id = ?1 and c.iin = ?2")
                .setParameter(1, roundId).setParameter(2, iin).getSingleResult();
    }

    private long ballots(long roundId, String channel) {
        return count("select count(*) from ballot where round_id = ?1 and channel = ?2 and superseded_at is null",
                roundId, channel);
    }

    private long paperBallots(long roundId, String serial) {
        return count("select count(*) from paper_ballot where round_id = ?1 and serial = ?2", roundId, serial);
    }

    /** A voter who already voted on the web: registered and cast through the ballot box, as the web page does. */
    private String onlineVoter(long roundId, List<Long> choice) throws Exception {
        String iin = SyntheticIins.next();
        inTransaction(tx, () -> {
            Territory home = em.find(Territory.class, BOSTANDYK);
            Citizen c = Citizen.register(Iin.parse(iin, LocalDate.now(ALMATY)), new PersonName("Тестов", "Қағаз", null),
                    home, Instant.now());
            em.persist(c);
            em.flush();
            box.cast(box.lockForCasting(roundId), c, BallotChoice.approve(choice), Channel.WEB);
            return null;
        });
        return iin;
    }

    private void castOnline(long roundId, String iin, List<Long> choice) throws Exception {
        inTransaction(tx, () -> {
            Citizen c = em.find(Citizen.class, citizenId(iin));
            box.cast(box.lockForCasting(roundId), c, BallotChoice.approve(choice), Channel.WEB);
            return null;
        });
    }

    /**
     * A Bostandyk round of its own, approval 1..2, with two projects on the ballot: in voting since yesterday (or,
     * closed, in counting since yesterday), the later phases far enough for the calendar timer to leave it.
     */
    private long ownRound(PaperAfterOnline rule, boolean closed) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<Phase, Instant> starts = new EnumMap<>(Phase.class);
        int shift = closed ? -20 : 0;
        starts.put(Phase.PROPOSAL_SUBMISSION, now.minus(30 - shift, ChronoUnit.DAYS));
        starts.put(Phase.MODERATION_AND_REVIEW, now.minus(20 - shift, ChronoUnit.DAYS));
        starts.put(Phase.VOTING, now.minus(10 - shift, ChronoUnit.DAYS));
        starts.put(Phase.COUNTING, closed ? now.minus(1, ChronoUnit.DAYS) : now.plus(300, ChronoUnit.DAYS));
        starts.put(Phase.RESULTS_PUBLISHED, now.plus(310, ChronoUnit.DAYS));
        starts.put(Phase.IMPLEMENTATION, now.plus(320, ChronoUnit.DAYS));
        return inTransaction(tx, () -> {
            Actor system = Actor.system("paper-it");
            long author = ((Number) em.createNativeQuery("select id from citizen where iin = ?1")
                    .setParameter(1, DEMO_RESIDENT).getSingleResult()).longValue();
            BudgetRound round = BudgetRound.draft(KatoCode.of(BOSTANDYK),
                    RoundText.title("Қағаз IT", "Бумажный IT " + serial(), "Paper IT"),
                    RoundText.description("Сипаттама", "Описание", null), 50_000_000L,
                    PhaseCalendar.of(ALMATY, starts), null, system, now.minus(60, ChronoUnit.DAYS));
            round.defineCategories(List.of(new RoundCategory("roads", "Жолдар", "Дороги", "Roads", null)));
            round.chooseBallotRule(BallotRule.approval(1, 2));
            round.chooseAllocationRule("greedy_cost");
            round.choosePaperAfterOnline(rule);
            round.advanceTo(Phase.PROPOSAL_SUBMISSION, starts.get(Phase.PROPOSAL_SUBMISSION), system);
            em.persist(round);
            em.flush();
            Actor citizen = Actor.citizen(author);
            Actor moderator = Actor.staff("moderator.bostandyk");
            List<Proposal> placed = new java.util.ArrayList<>();
            for (String title : List.of("Жаяу жүргіншілер өткелі / Пешеходный переход", "Бағдаршам / Светофор")) {
                Instant at = starts.get(Phase.PROPOSAL_SUBMISSION).plus(1, ChronoUnit.DAYS);
                Proposal p = Proposal.draft(round, Proposer.citizen(author), KatoCode.of(BOSTANDYK),
                        new ProposalContent(new ProposalTitle(title), new ProposalDescription(title + "."), "roads",
                                ProposalLocation.of("Тимирязев көшесі, 40"),
                                CostEstimate.of(List.of(new CostLine("Жұмыстар / Работы", 1, 5_000_000L))), Set.of()),
                        citizen, at);
                p.submit(citizen, at);
                em.persist(p);
                placed.add(p);
            }
            round.advanceTo(Phase.MODERATION_AND_REVIEW, starts.get(Phase.MODERATION_AND_REVIEW), system);
            Instant decided = starts.get(Phase.MODERATION_AND_REVIEW).plus(1, ChronoUnit.DAYS);
            for (Proposal p : placed) {
                p.startModeration(moderator, decided);
                p.accept(moderator, decided);
                p.startReview(moderator, decided);
                p.markFeasible(p.estimatedCost(), "Смета расталды", moderator, decided);
                p.placeOnBallot(system, starts.get(Phase.VOTING));
            }
            round.advanceTo(Phase.VOTING, starts.get(Phase.VOTING), system);
            if (closed) {
                round.advanceTo(Phase.COUNTING, starts.get(Phase.COUNTING), system);
            }
            em.flush();
            return round.getId();
        });
    }

    private static void refusedWith(ThrowingCall call, String key) {
        assertThatThrownBy(call::run).isInstanceOf(DomainRuleViolation.class)
                .satisfies(e -> assertThat(((DomainRuleViolation) e).messageKey()).isEqualTo(key));
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    // ---------------------------------------------------------------- tests

    /** A meeting recorded in a territory on a day (as the meetings page records it). */
    private long meeting(String kato, LocalDate heldOn) throws Exception {
        return inTransaction(tx, () -> {
            CommunityMeeting m = CommunityMeeting.record(KatoCode.of(kato), heldOn, "Мектеп № 159 акт залы",
                    "Дауыс беру / Голосование", QuorumRule.absolute(10), Actor.staff("moderator.bostandyk"), Instant.now());
            em.persist(m);
            em.flush();
            return m.getId();
        });
    }

    private static PaperEntryForm atMeeting(String serial, String iin, String residence, List<Long> approved, Long meeting) {
        return new PaperEntryForm(serial, iin, "Тестов", "Қағаз", null, residence, approved, null, meeting);
    }

    @Test
    public void aBallotCollectedAtACommunityMeetingCountsOnceUnderTheMeetingChannelAndItsVoterAttends() throws Exception {
        long roundId = demoRound();
        List<Long> projects = projects(roundId);
        LocalDate today = LocalDate.now(ALMATY);
        long held = meeting(BOSTANDYK, today);
        long beforeVoting = meeting(BOSTANDYK, today.minusDays(30));
        long elsewhere = meeting("751310000", today);
        assertThat(asModerator.call(() -> papers.round(roundId)).meetings()).extracting(PaperRound.Meeting::id)
                .contains(held).doesNotContain(beforeVoting, elsewhere);

        String iin = SyntheticIins.next();
        String serial = serial();
        long meetingBefore = ballots(roundId, "MEETING");
        // Only a meeting of the round's territory held during voting; a meeting's voter lives in its territory.
        refusedWith(() -> first(atMeeting(serial, iin, BOSTANDYK, List.of(projects.get(1)), beforeVoting), roundId),
                "paper.error.meeting");
        refusedWith(() -> first(atMeeting(serial, iin, BOSTANDYK, List.of(projects.get(1)), 987_654_321L), roundId),
                "paper.error.meeting");
        assertThat(paperBallots(roundId, serial)).isZero();

        PaperEntryResult pending = first(atMeeting(serial, iin, BOSTANDYK, List.of(projects.get(1)), held), roundId);
        assertThat(pending.status()).isEqualTo(PaperBallotStatus.PENDING);
        assertThat(count("select count(*) from community_meeting_attendee where meeting_id = ?1", held)).isZero();
        // The second entry types the ballot blind; the place came with the first.
        PaperEntryResult confirmed = second(form(serial, iin, BOSTANDYK, List.of(projects.get(1))), roundId);
        assertThat(confirmed.status()).isEqualTo(PaperBallotStatus.CONFIRMED);
        assertThat(channel(roundId, iin)).isEqualTo("MEETING");
        assertThat(ballots(roundId, "MEETING")).isEqualTo(meetingBefore + 1);
        assertThat(count("select count(*) from paper_ballot where serial = ?1 and meeting_id = ?2", serial, held))
                .isEqualTo(1);
        assertThat(count("select count(*) from community_meeting_attendee where meeting_id = ?1 and citizen_id = ?2",
                held, citizenId(iin))).isEqualTo(1);
        // Once per person across channels: a second ballot of the same person on paper is refused.
        refusedWith(() -> first(form(serial(), iin, BOSTANDYK, List.of(projects.get(0))), roundId),
                "paper.error.already-paper");

        // A resident of another district cannot vote at Bostandyk's meeting, though the round is the whole city's.
        long cityRound = count("select id from budget_round where title_ru = ?1 and phase = 'VOTING'",
                "Алматы: спорт во дворах 2026");
        List<Long> cityProjects = projects(cityRound);
        refusedWith(() -> asAdmin.call(() -> papers.enterFirst(cityRound, new PaperEntryForm(serial(), SyntheticIins.next(),
                "Тестов", "Қағаз", null, "751310000", List.of(), java.util.Map.of(cityProjects.get(0), 3), held))),
                "paper.error.meeting-not-resident");
        // The web refuses the staff channels: a citizen cannot claim a meeting ballot.
        assertThat(Channel.MEETING.enteredByStaff()).isTrue();
    }

    @Test
    public void aPaperBallotCountsOnlyAfterASecondMatchingEntryByAnotherPerson() throws Exception {
        long roundId = demoRound();
        List<Long> projects = projects(roundId);
        String iin = SyntheticIins.next();
        String serial = serial();
        long paperBefore = ballots(roundId, "PAPER");

        PaperEntryResult pending = first(form(serial, iin, BOSTANDYK, List.of(projects.get(0), projects.get(2))), roundId);
        assertThat(pending.status()).isEqualTo(PaperBallotStatus.PENDING);
        assertThat(citizens(iin)).as("the voter is registered from the documents").isEqualTo(1);
        assertThat(casts(roundId, iin)).isZero();
        assertThat(ballots(roundId, "PAPER")).isEqualTo(paperBefore);
        // The second entry is blind: the waiting list names neither voter nor choice of a pending ballot.
        PaperBallotLine line = asAdmin.call(() -> papers.openBallots(roundId)).stream()
                .filter(l -> l.serial().equals(serial)).findFirst().orElseThrow();
        assertThat(line.voter()).isNull();
        assertThat(line.versions()).allSatisfy(v -> assertThat(v.choice()).isNull());

        // The same person cannot confirm their own entry.
        refusedWith(() -> asModerator.call(() -> papers.enterAgain(roundId,
                form(serial, iin, BOSTANDYK, List.of(projects.get(0), projects.get(2))))), "paper.error.same-person");
        assertThat(count("select count(*) from paper_ballot_entry e join paper_ballot b on b.id = e.paper_ballot_id "
                + "where b.serial = ?1", serial)).isEqualTo(1);

        PaperEntryResult confirmed = second(form(" " + serial.toLowerCase() + " ", iin, BOSTANDYK,
                List.of(projects.get(2), projects.get(0))), roundId);
        assertThat(confirmed.status()).isEqualTo(PaperBallotStatus.CONFIRMED);
        assertThat(casts(roundId, iin)).isEqualTo(1);
        assertThat(channel(roundId, iin)).isEqualTo("PAPER");
        assertThat(ballots(roundId, "PAPER")).isEqualTo(paperBefore + 1);
        // The counted ballot lives only in the ballot table: the entries keep who and when, not what.
        assertThat(count("select count(*) from paper_ballot_entry e join paper_ballot b on b.id = e.paper_ballot_id "
                + "where b.serial = ?1 and e.choice is null and e.entered_by in ('staff:moderator.bostandyk', "
                + "'staff:it-admin')", serial)).isEqualTo(2);
        assertThat(count("select count(*) from paper_ballot where serial = ?1 and decided_by = 'staff:it-admin' "
                + "and status = 'CONFIRMED'", serial)).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where entity_type = 'PaperBallot' and entity_id = ?1",
                Long.toString(confirmed.paperBallotId()))).isEqualTo(2);

        // A second paper ballot of the same person is refused, even under another number.
        refusedWith(() -> first(form(serial(), iin, BOSTANDYK, List.of(projects.get(1))), roundId),
                "paper.error.already-paper");
        // The number is taken too.
        refusedWith(() -> first(form(serial, SyntheticIins.next(), BOSTANDYK, List.of(projects.get(1))), roundId),
                "paper.error.serial-taken");
    }

    @Test
    public void entriesThatDifferCountNothingUntilTwoPeopleAgree() throws Exception {
        long roundId = demoRound();
        List<Long> projects = projects(roundId);
        String iin = SyntheticIins.next();
        String serial = serial();
        first(form(serial, iin, BOSTANDYK, List.of(projects.get(0))), roundId);

        PaperEntryResult mismatch = second(form(serial, iin, BOSTANDYK, List.of(projects.get(1))), roundId);
        assertThat(mismatch.status()).isEqualTo(PaperBallotStatus.MISMATCH);
        assertThat(casts(roundId, iin)).isZero();
        PaperBallotLine line = asModerator.call(() -> papers.openBallots(roundId)).stream()
                .filter(l -> l.serial().equals(serial)).findFirst().orElseThrow();
        assertThat(line.versions()).hasSize(2).allSatisfy(v -> assertThat(v.choice()).isNotBlank());
        // Typing one's own version again proves nothing.
        refusedWith(() -> asModerator.call(() -> papers.enterAgain(roundId,
                form(serial, iin, BOSTANDYK, List.of(projects.get(0))))), "paper.error.same-person");
        assertThat(casts(roundId, iin)).isZero();

        // The operator reads the paper again and agrees with the moderator's version.
        PaperEntryResult agreed = second(form(serial, iin, BOSTANDYK, List.of(projects.get(0))), roundId);
        assertThat(agreed.status()).isEqualTo(PaperBallotStatus.CONFIRMED);
        assertThat(casts(roundId, iin)).isEqualTo(1);
    }

    @Test
    public void aPersonWhoVotedOnlineIsRefusedUnderTheDefaultRule() throws Exception {
        long roundId = demoRound();
        List<Long> projects = projects(roundId);
        String iin = onlineVoter(roundId, List.of(projects.get(0)));
        String serial = serial();

        refusedWith(() -> first(form(serial, iin, BOSTANDYK, List.of(projects.get(1))), roundId),
                "paper.error.voted-online");

        assertThat(paperBallots(roundId, serial)).isZero();
        assertThat(channel(roundId, iin)).isEqualTo("WEB");
        assertThat(casts(roundId, iin)).isEqualTo(1);
    }

    @Test
    public void underTheFlagRuleAModeratorCountsOrRejectsThePaperBallotOfAnOnlineVoter() throws Exception {
        long roundId = ownRound(PaperAfterOnline.FLAG, false);
        List<Long> projects = projects(roundId);
        assertThat(asModerator.call(() -> papers.rounds())).extracting(PaperRound::id).contains(roundId);

        String counted = onlineVoter(roundId, List.of(projects.get(0)));
        String serial = serial();
        PaperEntryResult entered = first(form(serial, counted, BOSTANDYK, List.of(projects.get(1))), roundId);
        assertThat(entered.status()).isEqualTo(PaperBallotStatus.PENDING);
        assertThat(entered.votedOnline()).isTrue();
        PaperEntryResult flagged = second(form(serial, counted, BOSTANDYK, List.of(projects.get(1))), roundId);
        assertThat(flagged.status()).isEqualTo(PaperBallotStatus.FLAGGED);
        assertThat(ballots(roundId, "PAPER")).as("held, not counted").isZero();
        assertThat(channel(roundId, counted)).isEqualTo("WEB");
        assertThat(asModerator.call(() -> papers.openBallots(roundId))).extracting(PaperBallotLine::status)
                .contains("FLAGGED");

        asModerator.call(() -> {
            papers.count(roundId, flagged.paperBallotId());
            return null;
        });
        assertThat(channel(roundId, counted)).isEqualTo("PAPER");
        assertThat(casts(roundId, counted)).isEqualTo(2);
        assertThat(ballots(roundId, "PAPER")).isEqualTo(1);
        assertThat(ballots(roundId, "WEB")).as("the online ballot was replaced").isZero();
        assertThat(count("select count(*) from paper_ballot_entry where paper_ballot_id = ?1 and choice is not null",
                flagged.paperBallotId())).isZero();

        String rejected = onlineVoter(roundId, List.of(projects.get(0)));
        String other = serial();
        first(form(other, rejected, BOSTANDYK, List.of(projects.get(1))), roundId);
        long id = second(form(other, rejected, BOSTANDYK, List.of(projects.get(1))), roundId).paperBallotId();
        asModerator.call(() -> {
            papers.reject(roundId, id);
            return null;
        });
        assertThat(count("select count(*) from paper_ballot where id = ?1 and status = 'REJECTED'", id)).isEqualTo(1);
        assertThat(channel(roundId, rejected)).isEqualTo("WEB");
        assertThat(ballots(roundId, "PAPER")).isEqualTo(1);
        refusedWith(() -> asModerator.call(() -> {
            papers.count(roundId, id);
            return null;
        }), "paper.error.not-flagged");
    }

    @Test
    public void anOnlineBallotAfterAPaperOneReplacesItLastCounts() throws Exception {
        long roundId = demoRound();
        List<Long> projects = projects(roundId);
        String iin = SyntheticIins.next();
        String serial = serial();
        first(form(serial, iin, BOSTANDYK, List.of(projects.get(0))), roundId);
        second(form(serial, iin, BOSTANDYK, List.of(projects.get(0))), roundId);
        assertThat(channel(roundId, iin)).isEqualTo("PAPER");

        castOnline(roundId, iin, List.of(projects.get(1)));

        assertThat(channel(roundId, iin)).isEqualTo("WEB");
        assertThat(casts(roundId, iin)).isEqualTo(2);
        assertThat(count("select count(*) from paper_ballot where serial = ?1 and status = 'CONFIRMED'", serial))
                .as("the paper ballot's record stays, its ballot is superseded").isEqualTo(1);
    }

    @Test
    public void ineligibleAndMalformedEntriesAreRefusedAndNothingIsStored() throws Exception {
        long roundId = demoRound();
        List<Long> projects = projects(roundId);
        List<Long> pick = List.of(projects.get(0));
        String serial = serial();

        String outside = SyntheticIins.next();
        refusedWith(() -> first(form(serial, outside, ESIL, pick), roundId), "paper.error.not-resident");
        assertThat(citizens(outside)).isZero();

        String child = SyntheticIins.bornOn(LocalDate.now(ALMATY).minusYears(12));
        refusedWith(() -> first(form(serial, child, BOSTANDYK, pick), roundId), "paper.error.too-young");
        assertThat(citizens(child)).isZero();

        refusedWith(() -> first(form(serial, SyntheticIins.withWrongCheckDigit(SyntheticIins.next()), BOSTANDYK, pick),
                roundId), "paper.error.iin-invalid");
        refusedWith(() -> first(form(serial, "８００４１６１００２５４", BOSTANDYK, pick), roundId), "paper.error.iin-invalid");
        refusedWith(() -> first(form(serial, "940140000385", BOSTANDYK, pick), roundId), "paper.error.iin-invalid");
        refusedWith(() -> first(form("bad serial!", SyntheticIins.next(), BOSTANDYK, pick), roundId),
                "paper.error.serial");
        refusedWith(() -> first(form(serial, SyntheticIins.next(), "999999999", pick), roundId),
                "paper.error.residence-unknown");
        refusedWith(() -> first(form(serial, SyntheticIins.next(), BOSTANDYK, projects.subList(0, 4)), roundId),
                "ballot.error.too-many-picks");
        refusedWith(() -> first(form(serial, SyntheticIins.next(), BOSTANDYK, List.of()), roundId), "ballot.error.empty");
        // A typing error in the IIN that hits a registered person: the name gives it away.
        refusedWith(() -> first(form(serial, DEMO_RESIDENT, BOSTANDYK, pick), roundId), "paper.error.name-differs");
        refusedWith(() -> second(form(serial, SyntheticIins.next(), BOSTANDYK, pick), roundId),
                "paper.error.serial-unknown");

        assertThat(paperBallots(roundId, serial)).isZero();
    }

    @Test
    public void aClosedRoundTakesNoPaperBallots() throws Exception {
        long roundId = ownRound(PaperAfterOnline.REFUSE, true);
        String serial = serial();

        refusedWith(() -> first(form(serial, SyntheticIins.next(), BOSTANDYK, projects(roundId).subList(0, 1)), roundId),
                "voting.error.closed");
        assertThat(paperBallots(roundId, serial)).isZero();
        assertThat(asModerator.call(() -> papers.rounds())).extracting(PaperRound::id).doesNotContain(roundId);
    }

    @Test
    public void staffOfAnotherTerritoryAreRefused() throws Exception {
        long roundId = demoRound();
        List<Long> projects = projects(roundId);
        String iin = SyntheticIins.next();
        String serial = serial();

        assertThatThrownBy(() -> asEsil.call(() -> papers.enterFirst(roundId,
                form(serial, iin, BOSTANDYK, List.of(projects.get(0)))))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> asEsil.call(() -> papers.openBallots(roundId))).isInstanceOf(AccessRefused.class);
        assertThat(asEsil.call(() -> papers.rounds())).extracting(PaperRound::id).doesNotContain(roundId);
        assertThat(paperBallots(roundId, serial)).isZero();
        assertThat(citizens(iin)).isZero();

        first(form(serial, iin, BOSTANDYK, List.of(projects.get(0))), roundId);
        assertThatThrownBy(() -> asEsil.call(() -> papers.enterAgain(roundId,
                form(serial, iin, BOSTANDYK, List.of(projects.get(0)))))).isInstanceOf(AccessRefused.class);
        assertThat(casts(roundId, iin)).isZero();
    }
}
