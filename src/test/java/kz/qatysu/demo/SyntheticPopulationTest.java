package kz.qatysu.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.qatysu.citizen.domain.Iin;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.voting.domain.BallotChoice;
import kz.qatysu.voting.domain.BallotOption;
import kz.qatysu.voting.domain.Channel;
import org.junit.jupiter.api.Test;

class SyntheticPopulationTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private static final List<SyntheticPopulation.District> DISTRICTS = List.of(
            new SyntheticPopulation.District("751410000", 3), new SyntheticPopulation.District("751110000", 1));
    private static final List<SyntheticPopulation.Project> PROJECTS = List.of(
            project(1, 9_000_000, "751410000"), project(2, 14_000_000, "751410000"), project(3, 18_000_000, "751110000"),
            project(4, 12_000_000, "751110000"), project(5, 22_000_000, "751110000"));

    private static SyntheticPopulation.Project project(long id, long cost, String kato) {
        return new SyntheticPopulation.Project(new BallotOption(id, cost), kato);
    }

    @Test
    void residentsHaveDistinctValidIinsAdultAgesAndFollowTheDistrictWeights() {
        List<SyntheticPopulation.Resident> residents = new SyntheticPopulation(7).residents(DISTRICTS, 4_000, TODAY);

        assertThat(residents).hasSize(4_000);
        Set<String> iins = new HashSet<>();
        for (SyntheticPopulation.Resident r : residents) {
            Iin parsed = Iin.parse(r.iin().value(), TODAY);
            assertThat(parsed.birthDate()).isEqualTo(r.iin().birthDate());
            assertThat(parsed.ageOn(TODAY)).isBetween(18, 84);
            assertThat(Integer.parseInt(r.iin().value().substring(7, 11))).isGreaterThanOrEqualTo(SyntheticPopulation.FIRST_SERIAL);
            assertThat(r.name().surname()).isNotBlank();
            iins.add(r.iin().value());
        }
        assertThat(iins).hasSize(4_000);
        long bostandyk = residents.stream().filter(r -> r.kato().equals("751410000")).count();
        assertThat(bostandyk).isBetween(2_850L, 3_150L);
        long women = residents.stream().filter(r -> r.iin().sex() == kz.qatysu.citizen.domain.Sex.FEMALE).count();
        assertThat(women).isBetween(1_950L, 2_300L);
        long young = residents.stream().filter(r -> r.iin().ageOn(TODAY) < 30).count();
        assertThat(young).isBetween(700L, 1_060L);
    }

    @Test
    void theSameSeedGivesTheSamePeopleAndAnotherSeedOthers() {
        var a = new SyntheticPopulation(42).residents(DISTRICTS, 50, TODAY);
        var b = new SyntheticPopulation(42).residents(DISTRICTS, 50, TODAY);
        var c = new SyntheticPopulation(43).residents(DISTRICTS, 50, TODAY);
        assertThat(a).isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void approvalBallotsKeepTheLimitsAndMostVotersUseMostPicks() {
        SyntheticPopulation population = new SyntheticPopulation(1);
        Map<Long, Double> popularity = population.popularity(PROJECTS);
        BallotRule rule = BallotRule.approval(1, 3);
        Map<Integer, Integer> lengths = new HashMap<>();
        Map<Long, Integer> votes = new HashMap<>();
        for (int i = 0; i < 3_000; i++) {
            BallotChoice c = population.ballot(rule, PROJECTS, popularity, 100_000_000L, "751410000").orElseThrow();
            c.requireValid(rule, options(), 100_000_000L);
            lengths.merge(c.points().size(), 1, Integer::sum);
            c.points().keySet().forEach(id -> votes.merge(id, 1, Integer::sum));
        }
        assertThat(lengths.keySet()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(lengths.get(3)).isGreaterThan(lengths.get(1));
        long favourite = popularity.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        long least = popularity.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        if (PROJECTS.stream().filter(p -> p.option().proposalId() == favourite || p.option().proposalId() == least)
                .map(SyntheticPopulation.Project::kato).distinct().count() == 1) {
            assertThat(votes.get(favourite)).isGreaterThan(votes.get(least));
        }
    }

    @Test
    void votersFavourTheirOwnDistrictsProjects() {
        SyntheticPopulation population = new SyntheticPopulation(3);
        Map<Long, Double> flat = new HashMap<>();
        PROJECTS.forEach(p -> flat.put(p.option().proposalId(), 1.0));
        int home = 0;
        int away = 0;
        for (int i = 0; i < 2_000; i++) {
            BallotChoice c = population.ballot(BallotRule.approval(1, 1), PROJECTS, flat, 100_000_000L, "751410000").orElseThrow();
            if (c.points().firstKey() <= 2) {
                home++;
            } else {
                away++;
            }
        }
        // Two home projects weigh 4 each against three others weighing 1: 8 to 3.
        assertThat(home).isGreaterThan(2 * away);
    }

    @Test
    void knapsackBallotsFitTheBudgetAndReachTheMinimumShare() {
        SyntheticPopulation population = new SyntheticPopulation(5);
        Map<Long, Double> popularity = population.popularity(PROJECTS);
        long budget = 40_000_000L;
        for (BallotRule rule : List.of(BallotRule.knapsack(null), BallotRule.knapsack(50))) {
            int drawn = 0;
            for (int i = 0; i < 2_000; i++) {
                Optional<BallotChoice> c = population.ballot(rule, PROJECTS, popularity, budget, "751110000");
                if (c.isPresent()) {
                    drawn++;
                    c.get().requireValid(rule, options(), budget);
                    long total = c.get().points().keySet().stream().mapToLong(id -> cost(id)).sum();
                    assertThat(total).isLessThanOrEqualTo(budget);
                    if (rule.minBudgetSharePercent() != null) {
                        assertThat(total * 100).isGreaterThanOrEqualTo(budget * 50);
                    }
                }
            }
            assertThat(drawn).isGreaterThan(1_990);
        }
    }

    @Test
    void cumulativeBallotsSpendThePointsWithinThePerProjectMaximum() {
        SyntheticPopulation population = new SyntheticPopulation(9);
        Map<Long, Double> popularity = population.popularity(PROJECTS);
        BallotRule rule = BallotRule.cumulative(10, 5);
        for (int i = 0; i < 2_000; i++) {
            BallotChoice c = population.ballot(rule, PROJECTS, popularity, 100_000_000L, "751410000").orElseThrow();
            c.requireValid(rule, options(), 100_000_000L);
            assertThat(c.points().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
            assertThat(c.points().values()).allSatisfy(p -> assertThat(p).isBetween(1, 5));
        }
    }

    @Test
    void castTimesStayInTheWindowAndEveningsAreBusierThanNights() {
        SyntheticPopulation population = new SyntheticPopulation(11);
        ZoneId zone = ZoneId.of("Asia/Almaty");
        Instant from = Instant.parse("2026-09-01T04:00:00Z");
        Instant to = from.plus(14, ChronoUnit.DAYS);
        int evening = 0;
        int night = 0;
        for (int i = 0; i < 5_000; i++) {
            Instant at = population.castTime(from, to, zone);
            assertThat(at).isAfterOrEqualTo(from).isBefore(to);
            int hour = at.atZone(zone).getHour();
            if (hour >= 19 && hour <= 21) {
                evening++;
            } else if (hour >= 1 && hour <= 3) {
                night++;
            }
        }
        assertThat(evening).isGreaterThan(8 * night);
    }

    @Test
    void olderPeopleVoteOnPaperMoreOften() {
        SyntheticPopulation population = new SyntheticPopulation(13);
        int olderPaper = 0;
        int youngerPaper = 0;
        for (int i = 0; i < 4_000; i++) {
            olderPaper += population.channel(70) == Channel.PAPER ? 1 : 0;
            youngerPaper += population.channel(30) == Channel.PAPER ? 1 : 0;
        }
        assertThat(olderPaper).isBetween(1_000, 1_400);
        assertThat(youngerPaper).isBetween(120, 300);
        var origin = population.origin(2, Channel.MOBILE);
        assertThat(origin.address()).startsWith("10.2.");
        assertThat(origin.userAgent()).startsWith("Qatysu/");
    }

    private static List<BallotOption> options() {
        return PROJECTS.stream().map(SyntheticPopulation.Project::option).toList();
    }

    private static long cost(long id) {
        return PROJECTS.stream().filter(p -> p.option().proposalId() == id).findFirst().orElseThrow().option().assessedCost();
    }
}
