package kz.qatysu.demo;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import kz.qatysu.anomaly.application.CastSignals;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.voting.application.BallotBox;
import kz.qatysu.voting.domain.BallotChoice;
import kz.qatysu.voting.domain.BallotOption;
import kz.qatysu.voting.domain.Channel;
import kz.qatysu.voting.domain.PaperBallot;
import kz.qatysu.voting.domain.PaperBallotEntry;
import kz.qatysu.voting.domain.PaperDocument;
import kz.qatysu.voting.domain.PaperSerial;

/**
 * The writing steps of the synthetic electorate, each one transaction (the caller, {@link SyntheticElectorate}, has
 * none). Ballots go through the platform's {@link BallotBox} exactly as on the web, mobile and paper channels — the
 * eligibility and ballot rules, one participation row per person, superseded versions, sealed receipts — with cast
 * times inside the voting window instead of the clock's; paper ballots are entered twice by two clerks and
 * confirmed, like at the akimat; web and mobile casts leave the network and device signals the anomaly report reads.
 */
@Stateless
@PermitAll
public class SyntheticElectorateSteps {

    /** A synthetic voter: the citizen and the index of their district (for their network addresses). */
    public record Voter(long citizenId, String kato, int districtIndex) {
    }

    /** What a round's ballots are drawn from: its projects, their popularity, the window of cast times. */
    public record Round(long id, List<SyntheticPopulation.Project> projects, Map<Long, Double> popularity,
                        Instant from, Instant to) {
    }

    /** The past round created by {@link #pastRound} and what was cast in it. */
    public record PastRound(long id, Written written) {
    }

    /** Casts written by a step: people with a counted ballot, and ballot versions stored (revotes included). */
    public record Written(int voters, int ballots) {
        Written plus(Written other) {
            return new Written(voters + other.voters, ballots + other.ballots);
        }
    }

    private static final int INSERT_CHUNK = 2_000;
    private static final Duration SECOND_ENTRY_AFTER = Duration.ofMinutes(15);

    @Resource(lookup = "jdbc/qatysu")
    private DataSource database;
    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private BallotBox box;
    @EJB
    private CastSignals signals;
    @EJB
    private DemoRounds rounds;

    /**
     * Registers the residents (as if each had signed in once at {@code now}) and returns their citizen ids in the
     * same order. A resident whose IIN is registered already keeps their record.
     */
    public List<Long> register(List<SyntheticPopulation.Resident> residents, Instant now) {
        Map<String, Long> ids = new HashMap<>();
        try (Connection c = database.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into citizen (iin, surname, given_name, patronymic, "
                     + "birth_date, sex, territory_code, first_login_at, last_login_at, login_count) "
                     + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) on conflict (iin) do nothing");
             PreparedStatement select = c.prepareStatement("select iin, id from citizen where iin = any (?)")) {
            Timestamp at = Timestamp.from(now);
            for (int from = 0; from < residents.size(); from += INSERT_CHUNK) {
                List<SyntheticPopulation.Resident> chunk = residents.subList(from, Math.min(residents.size(), from + INSERT_CHUNK));
                for (SyntheticPopulation.Resident r : chunk) {
                    insert.setString(1, r.iin().value());
                    insert.setString(2, r.name().surname());
                    insert.setString(3, r.name().givenName());
                    insert.setString(4, r.name().patronymic());
                    insert.setDate(5, Date.valueOf(r.iin().birthDate()));
                    insert.setString(6, r.iin().sex().code());
                    insert.setString(7, r.kato());
                    insert.setTimestamp(8, at);
                    insert.setTimestamp(9, at);
                    insert.addBatch();
                }
                insert.executeBatch();
                Array iins = c.createArrayOf("text", chunk.stream().map(r -> r.iin().value()).toArray());
                select.setArray(1, iins);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        ids.put(rs.getString(1).strip(), rs.getLong(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Synthetic residents could not be registered", e);
        }
        return residents.stream().map(r -> ids.get(r.iin().value())).toList();
    }

    /** The projects on a round's ballot with the districts they were proposed for. */
    public List<SyntheticPopulation.Project> projects(long roundId) {
        Map<Long, String> districts = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, territory_code from proposal where round_id = ?1 "
                + "and status = 'ON_BALLOT'").setParameter(1, roundId).getResultList();
        rows.forEach(r -> districts.put(((Number) r[0]).longValue(), ((String) r[1]).strip()));
        List<SyntheticPopulation.Project> projects = new ArrayList<>();
        for (BallotOption o : box.options(roundId)) {
            projects.add(new SyntheticPopulation.Project(o, districts.get(o.proposalId())));
        }
        return projects;
    }

    /**
     * Creates the past round (see {@link DemoRounds#pastVotingRound()}) and casts its voters' ballots in the same
     * transaction.
     *
     * @return the round and what was written in it; empty when the round exists already
     */
    public Optional<PastRound> pastRound(List<Voter> voters, SyntheticPopulation population) {
        Optional<Long> id = rounds.pastVotingRound();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        BudgetRound round = em.find(BudgetRound.class, id.get());
        List<SyntheticPopulation.Project> projects = projects(round.getId());
        Round r = new Round(round.getId(), projects, population.popularity(projects),
                round.calendar().startOf(Phase.VOTING).orElseThrow(), round.calendar().votingEnds());
        return Optional.of(new PastRound(round.getId(), cast(r, voters, population)));
    }

    /**
     * Casts the ballots of some voters of a round: each eligible voter casts one ballot at a drawn time in the
     * window, on a drawn channel; some change it later.
     */
    public Written cast(Round r, List<Voter> voters, SyntheticPopulation population) {
        BudgetRound round = box.lockForCasting(r.id(), r.from());
        Map<Long, Citizen> citizens = citizens(voters);
        Actor firstClerk = Actor.staff("demo.clerk.1");
        Actor secondClerk = Actor.staff("demo.clerk.2");
        Written written = new Written(0, 0);
        for (Voter v : voters) {
            Citizen citizen = citizens.get(v.citizenId());
            Optional<BallotChoice> choice = draw(citizen, v, round, r, population);
            if (choice.isEmpty()) {
                continue;
            }
            int age = Period.between(citizen.birthDate(), round.lastDayOfVoting()).getYears();
            Channel channel = population.channel(age);
            Instant at = population.castTime(r.from(), r.to(), round.calendar().zone());
            if (channel == Channel.PAPER) {
                Instant confirmed = at.plus(SECOND_ENTRY_AFTER).isBefore(r.to()) ? at.plus(SECOND_ENTRY_AFTER) : at;
                PaperDocument document = new PaperDocument(citizen.name(), citizen.residenceCode());
                PaperBallot paper = PaperBallot.firstEntry(r.id(), new PaperSerial("DEMO-" + citizen.getId()),
                        PaperBallotEntry.of(citizen.getId(), document.digest(), choice.get(), firstClerk, at));
                paper.addEntry(PaperBallotEntry.of(citizen.getId(), document.digest(), choice.get(), secondClerk, confirmed));
                box.cast(round, citizen, choice.get(), Channel.PAPER, confirmed);
                paper.confirm(secondClerk, confirmed);
                em.persist(paper);
                written = written.plus(new Written(1, 1));
                continue;
            }
            SyntheticPopulation.Origin origin = population.origin(v.districtIndex(), channel);
            box.cast(round, citizen, choice.get(), channel, at);
            signals.recordWithin(r.id(), channel, origin.address(), origin.userAgent(), origin.language(), at);
            written = written.plus(new Written(1, 1));
            if (population.revotes() && at.plus(1, ChronoUnit.MINUTES).isBefore(r.to())) {
                Instant later = population.castTime(at.plus(1, ChronoUnit.MINUTES), r.to(), round.calendar().zone());
                Optional<BallotChoice> second = population.ballot(round.ballotRule().orElseThrow(), r.projects(),
                        r.popularity(), round.totalBudget(), v.kato());
                if (second.isPresent() && box.cast(round, citizen, second.get(), channel, later).changed()) {
                    signals.recordWithin(r.id(), channel, origin.address(), origin.userAgent(), origin.language(), later);
                    written = written.plus(new Written(0, 1));
                }
            }
        }
        em.flush();
        em.clear();
        return written;
    }

    /**
     * Casts the voters' ballots from one network and one device within a few minutes of {@code at}: what the anomaly
     * report is there to flag for a moderator.
     */
    public Written burst(Round r, List<Voter> voters, SyntheticPopulation population, Instant at) {
        BudgetRound round = box.lockForCasting(r.id(), at);
        Map<Long, Citizen> citizens = citizens(voters);
        Written written = new Written(0, 0);
        int n = 0;
        for (Voter v : voters) {
            Citizen citizen = citizens.get(v.citizenId());
            Optional<BallotChoice> choice = draw(citizen, v, round, r, population);
            if (choice.isEmpty()) {
                continue;
            }
            Instant when = at.plusSeconds(5L * n++);
            if (box.cast(round, citizen, choice.get(), Channel.WEB, when).changed()) {
                signals.recordWithin(r.id(), Channel.WEB, "198.51.100." + (1 + n % 3), "Mozilla/5.0 (X11; Linux x86_64) "
                        + "AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/141.0.0.0 Safari/537.36", "ru", when);
                written = written.plus(new Written(1, 1));
            }
        }
        em.flush();
        em.clear();
        return written;
    }

    /** A ballot drawn for the voter, or empty when they may not vote in the round (or no ballot could be drawn). */
    private static Optional<BallotChoice> draw(Citizen citizen, Voter v, BudgetRound round, Round r,
                                               SyntheticPopulation population) {
        if (citizen == null || BallotBox.ineligibility(round, citizen).isPresent()) {
            return Optional.empty();
        }
        return population.ballot(round.ballotRule().orElseThrow(), r.projects(), r.popularity(), round.totalBudget(),
                v.kato());
    }

    private Map<Long, Citizen> citizens(List<Voter> voters) {
        Map<Long, Citizen> found = new HashMap<>();
        for (int from = 0; from < voters.size(); from += INSERT_CHUNK) {
            em.createQuery("select c from Citizen c where c.id in :ids", Citizen.class)
                    .setParameter("ids", voters.subList(from, Math.min(voters.size(), from + INSERT_CHUNK)).stream()
                            .map(Voter::citizenId).toList())
                    .getResultStream().forEach(c -> found.put(c.getId(), c));
        }
        return found;
    }
}
