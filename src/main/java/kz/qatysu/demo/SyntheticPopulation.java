package kz.qatysu.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import kz.qatysu.citizen.domain.Iin;
import kz.qatysu.citizen.domain.PersonName;
import kz.qatysu.citizen.domain.Sex;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.voting.domain.BallotChoice;
import kz.qatysu.voting.domain.BallotOption;
import kz.qatysu.voting.domain.Channel;

/**
 * The demo's synthetic electorate, drawn from a seed so that every run of the demo gives the same people and
 * ballots: residents spread over districts by weight, with an adult age pyramid and sex from the IIN; ballots with
 * realistic lengths (most voters use most of their picks, knapsack voters stop before the budget is full) and
 * skewed popularity (a few projects draw most votes, and voters favour projects of their own district); cast times
 * over the voting days (busier first and last days, evenings); the channel (older people vote on paper more often);
 * the network and device a web or mobile ballot came from.
 * <p>
 * Plain Java: the demo loader writes what it draws through the platform's own ballot box.
 */
public final class SyntheticPopulation {

    /** A district and its share of the residents (relative weight). */
    public record District(String kato, int weight) {
        public District {
            Objects.requireNonNull(kato, "kato");
            if (weight <= 0) {
                throw new IllegalArgumentException("weight must be positive");
            }
        }
    }

    /** One synthetic resident. */
    public record Resident(Iin iin, PersonName name, String kato) {
    }

    /** A project on a synthetic ballot: its option (id, assessed cost) and the district it was proposed for. */
    public record Project(BallotOption option, String kato) {
    }

    /** Where a web or mobile ballot came from: an address of the voter's network, the browser, its language. */
    public record Origin(String address, String userAgent, String language) {
    }

    /** Serials of the demo residents of the eGov stand-in realm are below this; synthetic ones never collide. */
    static final int FIRST_SERIAL = 5_000;

    private static final String[] MALE_NAMES = {"Нұрлан", "Болат", "Ерлан", "Асқар", "Дәурен", "Серік", "Арман",
            "Бауыржан", "Ержан", "Қайрат", "Руслан", "Тимур", "Алексей", "Сергей", "Дамир", "Әлихан", "Нұрсұлтан",
            "Ақжол", "Мирас", "Ильяс"};
    private static final String[] FEMALE_NAMES = {"Айгүл", "Гүлнар", "Динара", "Әсем", "Жанар", "Сәуле", "Мадина",
            "Аружан", "Ольга", "Наталья", "Елена", "Айжан", "Томирис", "Інжу", "Зарина", "Камила", "Ләззат", "Ботагөз"};
    private static final String[] SURNAMES = {"Ахметов", "Серікбаев", "Омаров", "Жұмабаев", "Исаев", "Нұрпейісов",
            "Сұлтанов", "Әбенов", "Қасымов", "Иванов", "Мұқанов", "Байжанов", "Тұрсынов", "Есенов", "Сейітов",
            "Қожахметов", "Смағұлов", "Петров", "Әлиев", "Жақсылықов", "Бекболатов", "Темірханов"};
    private static final String[] FATHERS = {"Асқар", "Серік", "Қайрат", "Марат", "Ерлан", "Бауыржан", "Нұрлан",
            "Болат", "Жомарт", "Талғат", "Ғалым", "Мұрат"};
    private static final String[] LANGUAGES = {"kk", "ru", "ru", "kk", "en"};

    private final SplittableRandom random;

    public SyntheticPopulation(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /**
     * {@code count} residents aged 18–84 on {@code today}, in the districts by weight, with distinct valid IINs
     * (serials from {@value #FIRST_SERIAL}, so never those of the realm's demo residents).
     */
    public List<Resident> residents(List<District> districts, int count, LocalDate today) {
        if (districts.isEmpty() || count < 0) {
            throw new IllegalArgumentException("districts and a non-negative count are needed");
        }
        int totalWeight = districts.stream().mapToInt(District::weight).sum();
        Set<String> issued = new HashSet<>();
        List<Resident> residents = new ArrayList<>(count);
        while (residents.size() < count) {
            Sex sex = random.nextInt(100) < 53 ? Sex.FEMALE : Sex.MALE;
            LocalDate born = today.minusYears(age()).minusDays(1 + random.nextInt(364));
            Optional<Iin> iin = Iin.issue(born, sex, FIRST_SERIAL + random.nextInt(10_000 - FIRST_SERIAL));
            if (iin.isEmpty() || !issued.add(iin.get().value())) {
                continue;
            }
            residents.add(new Resident(iin.get(), name(sex), district(districts, totalWeight).kato()));
        }
        return residents;
    }

    /** Adult ages in whole years: 18–29 22 %, 30–44 33 %, 45–59 25 %, 60–84 20 %. */
    private int age() {
        int band = random.nextInt(100);
        if (band < 22) {
            return 18 + random.nextInt(12);
        } else if (band < 55) {
            return 30 + random.nextInt(15);
        } else if (band < 80) {
            return 45 + random.nextInt(15);
        }
        return 60 + random.nextInt(25);
    }

    private PersonName name(Sex sex) {
        String surname = pick(SURNAMES);
        String father = pick(FATHERS);
        if (sex == Sex.FEMALE) {
            return new PersonName(surname.endsWith("ов") || surname.endsWith("ев") ? surname + "а" : surname,
                    pick(FEMALE_NAMES), father + "қызы");
        }
        return new PersonName(surname, pick(MALE_NAMES), father + "ұлы");
    }

    private District district(List<District> districts, int totalWeight) {
        int r = random.nextInt(totalWeight);
        for (District d : districts) {
            r -= d.weight();
            if (r < 0) {
                return d;
            }
        }
        throw new IllegalStateException("weights changed");
    }

    /**
     * Popularity weights of a round's projects: a Zipf-like tail over a shuffled order (exponent 0.9), so that a
     * few projects are clear favourites and every project has some supporters.
     */
    public Map<Long, Double> popularity(Collection<Project> projects) {
        List<Project> order = new ArrayList<>(projects);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Project t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        Map<Long, Double> weights = new LinkedHashMap<>();
        for (int rank = 0; rank < order.size(); rank++) {
            weights.put(order.get(rank).option().proposalId(), 1.0 / Math.pow(rank + 1, 0.9));
        }
        return weights;
    }

    /**
     * A ballot of a voter living in {@code home} that the round's rule accepts, or empty when none could be drawn
     * (e.g. no project fits a knapsack budget). Projects of the voter's district weigh four times as much.
     */
    public Optional<BallotChoice> ballot(BallotRule rule, List<Project> projects, Map<Long, Double> popularity,
                                         long budget, String home) {
        List<BallotOption> options = projects.stream().map(Project::option).toList();
        for (int attempt = 0; attempt < 20; attempt++) {
            List<Project> order = weightedOrder(projects, popularity, home);
            BallotChoice choice = switch (rule.kind()) {
                case APPROVAL -> approval(order, rule.minPicks(), rule.maxPicks());
                case KNAPSACK -> knapsack(order, budget, rule.minBudgetSharePercent());
                case CUMULATIVE -> cumulative(order, rule.points(), rule.maxPointsPerProject());
            };
            if (choice == null) {
                continue;
            }
            try {
                choice.requireValid(rule, options, budget);
                return Optional.of(choice);
            } catch (DomainRuleViolation refused) {
                // another draw
            }
        }
        return Optional.empty();
    }

    /** Projects in the order a voter would consider them: weighted sampling without replacement. */
    private List<Project> weightedOrder(List<Project> projects, Map<Long, Double> popularity, String home) {
        double[] keys = new double[projects.size()];
        Integer[] index = new Integer[projects.size()];
        for (int i = 0; i < keys.length; i++) {
            Project p = projects.get(i);
            double w = popularity.getOrDefault(p.option().proposalId(), 0.1) * (home.equals(p.kato()) ? 4.0 : 1.0);
            // Efraimidis–Spirakis: the largest u^(1/w) first.
            keys[i] = Math.log(1.0 - random.nextDouble()) / w;
            index[i] = i;
        }
        Arrays.sort(index, (a, b) -> Double.compare(keys[b], keys[a]));
        List<Project> order = new ArrayList<>(keys.length);
        for (Integer i : index) {
            order.add(projects.get(i));
        }
        return order;
    }

    /** Between min and max picks; longer ballots are likelier (weight = number of picks). */
    private BallotChoice approval(List<Project> order, int min, int max) {
        int upper = Math.min(max, order.size());
        if (upper < min) {
            return null;
        }
        int total = 0;
        for (int k = min; k <= upper; k++) {
            total += k;
        }
        int r = random.nextInt(total);
        int picks = min;
        for (int k = min; k <= upper; k++) {
            r -= k;
            if (r < 0) {
                picks = k;
                break;
            }
        }
        return BallotChoice.approve(order.subList(0, picks).stream().map(p -> p.option().proposalId()).toList());
    }

    /** Projects in the voter's order while they fit; after each, a third of voters stop. */
    private BallotChoice knapsack(List<Project> order, long budget, Integer minSharePercent) {
        List<Long> chosen = new ArrayList<>();
        long spent = 0;
        boolean stopping = false;
        for (Project p : order) {
            long cost = p.option().assessedCost();
            boolean belowShare = minSharePercent != null && spent * 100 < budget * minSharePercent;
            if (stopping && !belowShare) {
                break;
            }
            if (spent + cost <= budget) {
                chosen.add(p.option().proposalId());
                spent += cost;
                stopping = random.nextInt(3) == 0;
            }
        }
        return chosen.isEmpty() ? null : BallotChoice.approve(chosen);
    }

    /** All points over one to three favourite projects (more when the per-project maximum forces it). */
    private BallotChoice cumulative(List<Project> order, int points, int maxPerProject) {
        int favourites = Math.min(order.size(), Math.max(1 + random.nextInt(3), (points + maxPerProject - 1) / maxPerProject));
        Map<Long, Integer> given = new LinkedHashMap<>();
        int left = points;
        int capacity = favourites * maxPerProject;
        if (capacity < points) {
            left = capacity;
        }
        while (left > 0) {
            long id = order.get(random.nextInt(favourites)).option().proposalId();
            int now = given.getOrDefault(id, 0);
            if (now < maxPerProject) {
                given.put(id, now + 1);
                left--;
            }
        }
        return BallotChoice.points(given);
    }

    /**
     * When a ballot is cast in [{@code from}, {@code to}): the first and last days are busier, weekends a little,
     * and within a day the evening hours (local time).
     */
    public Instant castTime(Instant from, Instant to, ZoneId zone) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("empty window");
        }
        long days = Math.max(1, Duration.between(from, to).toDays() + 1);
        for (int attempt = 0; attempt < 100; attempt++) {
            long day = random.nextLong(days);
            double dayWeight = day == 0 ? 1.6 : day == days - 1 ? 1.8 : 1.0;
            ZonedDateTime start = from.atZone(zone).truncatedTo(ChronoUnit.DAYS).plusDays(day);
            DayOfWeek dow = start.getDayOfWeek();
            if (dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY) {
                dayWeight *= 1.2;
            }
            int hour = hour();
            Instant at = start.plusHours(hour).plusSeconds(random.nextInt(3600)).toInstant();
            if (!at.isBefore(from) && at.isBefore(to) && random.nextDouble() * 1.8 * 1.2 < dayWeight) {
                return at;
            }
        }
        return from.plusMillis(random.nextLong(Math.max(1, Duration.between(from, to).toMillis())));
    }

    /** Hour of day by a daily profile: little at night, a lunch peak, most in the evening. */
    private int hour() {
        int[] weights = {1, 1, 1, 1, 1, 2, 3, 5, 7, 8, 8, 9, 11, 11, 9, 8, 8, 9, 11, 14, 15, 13, 8, 4};
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int h = 0; h < weights.length; h++) {
            r -= weights[h];
            if (r < 0) {
                return h;
            }
        }
        return 20;
    }

    /** The channel of a voter's ballot: paper for 30 % of people of 60 and over, 5 % of the others. */
    public Channel channel(int age) {
        int r = random.nextInt(100);
        if (r < (age >= 60 ? 30 : 5)) {
            return Channel.PAPER;
        }
        return random.nextInt(100) < 55 ? Channel.WEB : Channel.MOBILE;
    }

    /** Whether the voter changes their ballot later (6 % do). */
    public boolean revotes() {
        return random.nextInt(100) < 6;
    }

    /**
     * The origin of a web or mobile ballot: one of 200 /24 networks of the voter's district (documentation-free
     * private ranges), and a browser string with version numbers varied enough to tell devices apart.
     */
    public Origin origin(int districtIndex, Channel channel) {
        String address = "10." + (districtIndex % 250) + "." + random.nextInt(200) + "." + (1 + random.nextInt(254));
        String ua = channel == Channel.MOBILE
                ? "Qatysu/1." + random.nextInt(8) + " (Android " + (11 + random.nextInt(5)) + "; SM-A" + (100 + random.nextInt(900)) + ")"
                : "Mozilla/5.0 (" + (random.nextBoolean() ? "Windows NT 10.0; Win64; x64" : "Linux; Android 14; SM-A" + (100 + random.nextInt(900)))
                + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/" + (128 + random.nextInt(30)) + ".0."
                + (6000 + random.nextInt(3000)) + "." + random.nextInt(200) + " Safari/537.36";
        return new Origin(address, ua, pick(LANGUAGES));
    }

    /** A number in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
