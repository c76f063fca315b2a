package kz.qatysu.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kz.qatysu.citizen.application.CitizenRepository;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.citizen.domain.Iin;
import kz.qatysu.citizen.domain.PersonName;
import kz.qatysu.platform.domain.Actor;
import kz.qatysu.proposal.domain.AuthorNotification;
import kz.qatysu.proposal.domain.CostEstimate;
import kz.qatysu.proposal.domain.CostLine;
import kz.qatysu.proposal.domain.InfeasibilityReason;
import kz.qatysu.proposal.domain.Proposal;
import kz.qatysu.proposal.domain.ProposalContent;
import kz.qatysu.proposal.domain.ProposalDescription;
import kz.qatysu.proposal.domain.ProposalLocation;
import kz.qatysu.proposal.domain.ProposalTitle;
import kz.qatysu.proposal.domain.Proposer;
import kz.qatysu.proposal.domain.RejectionReason;
import kz.qatysu.proposal.domain.Support;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.round.domain.BudgetRound;
import kz.qatysu.round.domain.Phase;
import kz.qatysu.round.domain.PhaseCalendar;
import kz.qatysu.round.domain.RoundCategory;
import kz.qatysu.round.domain.RoundText;
import kz.qatysu.territory.application.TerritoryRepository;
import kz.qatysu.territory.domain.KatoCode;

/**
 * Demo rounds: Bostandyk (Almaty) and Esil (Astana) in moderation and review, Almaty city collecting support; in
 * voting Astana city (knapsack), Bostandyk (approval, up to 3 picks), Esil (knapsack) and Almaty city (cumulative), with proposals by the demo
 * residents of the stand-in eGov realm in the statuses moderation produces. Built through the domain, so every
 * rule of the real lifecycle applies. Loaded once (skipped when the territory already has a round).
 */
@Stateless
@PermitAll
public class DemoRounds {

    private static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    private static final Actor SYSTEM = Actor.system("demo-data");

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Inject
    private CitizenRepository citizens;
    @Inject
    private TerritoryRepository territories;
    @Inject
    private Clock clock;

    /** One demo resident: IIN and name as in keycloak-realm/egov-realm.json. */
    private record Resident(String iin, String surname, String name, String patronymic, String kato) {
    }

    /** Demo residents as in keycloak-realm/egov-realm.json. */
    private static final List<Resident> BOSTANDYK_RESIDENTS = List.of(
            new Resident("800416100254", "Серікбаев", "Нұрлан", "Асқарұлы", "751410000"),
            new Resident("800101100013", "Ахметов", "Болат", "Қайратұлы", "751410000"),
            new Resident("871130200112", "Исаева", "Гүлнар", "Бауыржанқызы", "751410000"));
    private static final List<Resident> ESIL_RESIDENTS = List.of(
            new Resident("750505200024", "Жұмабаева", "Айгүл", "Серікқызы", "711210000"),
            new Resident("680503250034", "Омарова", "Динара", "Ерланқызы", "711210000"),
            new Resident("920315100250", "Бекмұхамбетов", "Ерлан", "Маратұлы", "711210000"));

    private record Idea(String titleKk, String titleRu, String category, String address, long[] costs, Outcome outcome) {
    }

    private enum Outcome { DRAFT, SUBMITTED, UNDER_MODERATION, RETURNED, REJECTED, ACCEPTED, UNDER_REVIEW, FEASIBLE, INFEASIBLE, WITHDRAWN, MERGED }

    public int load() {
        Instant now = clock.instant();
        int created = 0;
        created += district(now, "751410000", "moderator.bostandyk", "reviewer.bostandyk",
                RoundText.title("Бостандық ауданының қатысымдық бюджеті 2027", "Бюджет участия Бостандыкского района 2027",
                        "Bostandyk district participatory budget 2027"),
                300_000_000L, BallotRule.approval(1, 3), "greedy_cost",
                BOSTANDYK_RESIDENTS,
                List.of(
                        new Idea("Әл-Фараби саябағына орындықтар мен жарық", "Скамейки и освещение в сквере на Аль-Фараби", "parks",
                                "Әл-Фараби даңғылы, 77", new long[]{3_000_000, 4_000_000}, Outcome.FEASIBLE),
                        new Idea("Тимирязев көшесіне веложол", "Велодорожка по улице Тимирязева", "roads",
                                "Тимирязев көшесі, 42–86", new long[]{25_000_000, 15_000_000}, Outcome.FEASIBLE),
                        new Idea("Аулаға балалар ойын алаңы", "Детская площадка во дворе", "yards",
                                "Жандосов көшесі, 60", new long[]{8_500_000}, Outcome.UNDER_REVIEW),
                        new Idea("Мектеп жанындағы футбол алаңы", "Футбольное поле у школы № 159", "sport",
                                "Розыбакиев көшесі, 181", new long[]{45_000_000}, Outcome.INFEASIBLE),
                        new Idea("Жаяу жүргіншілер өткелін жарықтандыру", "Освещение пешеходного перехода", "roads",
                                "Сәтбаев көшесі мен Мұратбаев көшесінің қиылысы", new long[]{2_400_000}, Outcome.ACCEPTED),
                        new Idea("Ауладағы гараждарды бұзу", "Снос гаражей во дворе", "yards",
                                "Гагарин даңғылы, 206", new long[]{12_000_000}, Outcome.REJECTED),
                        new Idea("Кітапханаға жаңа компьютерлер", "Новые компьютеры для библиотеки", "other",
                                "Абай даңғылы, 150", new long[]{6_000_000}, Outcome.RETURNED),
                        new Idea("Саябаққа субұрқақ", "Фонтан в парке", "parks",
                                "Байтұрсынов көшесі, 126", new long[]{30_000_000}, Outcome.UNDER_MODERATION),
                        new Idea("Аулаға гүлзар", "Клумбы во дворе", "yards",
                                "Тимирязев көшесі, 15", new long[]{1_200_000}, Outcome.SUBMITTED),
                        new Idea("Ит серуендететін алаң", "Площадка для выгула собак", "parks",
                                "Байзақов көшесі, 280", new long[]{3_500_000}, Outcome.DRAFT),
                        new Idea("Әл-Фараби саябағындағы жарықтандыру", "Освещение сквера на Аль-Фараби", "parks",
                                "Әл-Фараби даңғылы, 77", new long[]{2_000_000}, Outcome.MERGED),
                        new Idea("Аула ішіндегі жылдамдықты азайтатын кедергілер", "Лежачие полицейские во дворе", "yards",
                                "Жандосов көшесі, 58", new long[]{900_000}, Outcome.WITHDRAWN)));
        created += district(now, "711210000", "moderator.esil", "moderator.esil",
                RoundText.title("Есіл ауданының қатысымдық бюджеті 2027", "Бюджет участия района Есиль 2027",
                        "Esil district participatory budget 2027"),
                250_000_000L, BallotRule.knapsack(null), "mes_cost_add1",
                ESIL_RESIDENTS,
                List.of(
                        new Idea("Қабанбай батыр даңғылына велотұрақтар", "Велопарковки на проспекте Кабанбай батыра", "roads",
                                "Қабанбай батыр даңғылы, 11", new long[]{4_000_000}, Outcome.FEASIBLE),
                        new Idea("Аулаға спорттық жаттығу құралдары", "Уличные тренажёры во дворе", "sport",
                                "Сығанақ көшесі, 25", new long[]{7_500_000}, Outcome.FEASIBLE),
                        new Idea("Жасыл желек: 500 ағаш отырғызу", "Озеленение: посадка 500 деревьев", "parks",
                                "Тұран даңғылы бойы", new long[]{20_000_000, 5_000_000}, Outcome.UNDER_REVIEW),
                        new Idea("Жерасты өткеліне лифт", "Лифт в подземный переход", "roads",
                                "Мәңгілік Ел даңғылы, 54", new long[]{48_000_000}, Outcome.INFEASIBLE),
                        new Idea("Ауладағы автотұрақты кеңейту", "Расширение парковки во дворе", "yards",
                                "Орынбор көшесі, 8", new long[]{15_000_000}, Outcome.REJECTED),
                        new Idea("Кітап алмасу сөрелері", "Полки буккроссинга", "other",
                                "Достық көшесі, 5", new long[]{900_000}, Outcome.SUBMITTED)));
        created += submissionRound(now);
        created += supportRound(now);
        created += votingRounds(now);
        return created;
    }

    private int district(Instant now, String kato, String moderatorName, String reviewerName, RoundText title,
                         long budget, BallotRule ballotRule, String allocationRule, List<Resident> residents,
                         List<Idea> ideas) {
        KatoCode territory = KatoCode.of(kato);
        if (territories.find(territory).isEmpty()
                || !em.createNamedQuery("BudgetRound.findByTerritory", BudgetRound.class)
                .setParameter("territoryCode", kato).getResultList().isEmpty()) {
            return 0;
        }
        List<Long> authors = residents.stream().map(r -> resident(r, now)).toList();

        Map<Phase, Instant> starts = calendar(now, -40, null, -5, 25, 45, 50, 80);
        BudgetRound round = BudgetRound.draft(territory, title,
                RoundText.description(
                        "Тұрғындар ауданды абаттандыру жобаларын ұсынады, әкімдіктің сараптамалық кеңесі оларды тексереді, содан кейін тұрғындар дауыс береді.",
                        "Жители предлагают проекты благоустройства района, экспертный совет акимата их проверяет, затем жители голосуют.",
                        "Residents propose projects for their district, the akimat's expert council checks them, then residents vote."),
                budget, PhaseCalendar.of(ZONE, starts), null, SYSTEM, starts.get(Phase.PROPOSAL_SUBMISSION).minus(10, ChronoUnit.DAYS));
        round.changeBudget(budget, budget / 5);
        round.defineCategories(List.of(
                new RoundCategory("parks", "Саябақтар мен көгалдандыру", "Парки и озеленение", "Parks and greenery", null),
                new RoundCategory("roads", "Жолдар мен жаяу жүргіншілер", "Дороги и пешеходы", "Roads and pedestrians", null),
                new RoundCategory("yards", "Аулалар", "Дворы", "Courtyards", null),
                new RoundCategory("sport", "Спорт", "Спорт", "Sport", null),
                new RoundCategory("other", "Басқа", "Другое", "Other", null)));
        round.chooseBallotRule(ballotRule);
        round.chooseAllocationRule(allocationRule);
        round.advanceTo(Phase.PROPOSAL_SUBMISSION, starts.get(Phase.PROPOSAL_SUBMISSION), SYSTEM);
        em.persist(round);
        // Categories and calendar rows go in before the rules freeze (the database refuses them afterwards).
        em.flush();

        Actor moderator = Actor.staff(moderatorName);
        Actor reviewer = Actor.staff(reviewerName);
        Instant submitted = starts.get(Phase.PROPOSAL_SUBMISSION).plus(3, ChronoUnit.DAYS);
        List<Proposal> proposals = new java.util.ArrayList<>();
        for (int i = 0; i < ideas.size(); i++) {
            Idea idea = ideas.get(i);
            long author = authors.get(i % authors.size());
            Actor citizen = Actor.citizen(author);
            List<CostLine> lines = new java.util.ArrayList<>();
            for (int l = 0; l < idea.costs().length; l++) {
                lines.add(new CostLine(l == 0 ? "Жұмыстар мен материалдар / Работы и материалы" : "Жобалау / Проектирование",
                        1, idea.costs()[l]));
            }
            Proposal p = Proposal.draft(round, Proposer.citizen(author), territory,
                    new ProposalContent(new ProposalTitle(idea.titleKk() + " / " + idea.titleRu()),
                            new ProposalDescription(idea.titleRu() + ". " + idea.titleKk() + "."), idea.category(),
                            ProposalLocation.of(idea.address()), CostEstimate.of(lines), Set.of()),
                    citizen, submitted.plus(i, ChronoUnit.HOURS));
            if (idea.outcome() != Outcome.DRAFT) {
                p.submit(citizen, submitted.plus(i, ChronoUnit.HOURS));
            }
            em.persist(p);
            proposals.add(p);
        }
        em.flush();
        round.advanceTo(Phase.MODERATION_AND_REVIEW, starts.get(Phase.MODERATION_AND_REVIEW), SYSTEM);
        Instant moderated = starts.get(Phase.MODERATION_AND_REVIEW).plus(1, ChronoUnit.DAYS);
        for (int i = 0; i < ideas.size(); i++) {
            Proposal p = proposals.get(i);
            Idea idea = ideas.get(i);
            Instant at = moderated.plus(i, ChronoUnit.HOURS);
            switch (idea.outcome()) {
                case DRAFT, SUBMITTED -> { }
                case WITHDRAWN -> p.withdraw(Actor.citizen(p.proposer().citizenId().orElseThrow()), at);
                case MERGED -> {
                    p.startModeration(moderator, at);
                    p.mergeInto(proposals.get(0), "Ұқсас ұсыныс № " + proposals.get(0).getId()
                            + " / Дублирует предложение № " + proposals.get(0).getId(), moderator, at);
                }
                case UNDER_MODERATION -> p.startModeration(moderator, at);
                case RETURNED -> {
                    p.startModeration(moderator, at);
                    p.returnForChanges("Сметаны нақтылаңыз / Уточните смету", moderator, at);
                }
                case REJECTED -> {
                    p.startModeration(moderator, at);
                    p.reject(RejectionReason.OUTSIDE_COMPETENCE, "Жеке меншік / Частная собственность", moderator, at);
                }
                default -> {
                    p.startModeration(moderator, at);
                    p.accept(moderator, at);
                    if (idea.outcome() == Outcome.ACCEPTED) {
                        break;
                    }
                    p.startReview(reviewer, at.plus(1, ChronoUnit.DAYS));
                    if (idea.outcome() == Outcome.FEASIBLE) {
                        long estimate = p.estimatedCost();
                        p.markFeasible(estimate - estimate / 10, "Смета тексерілді / Смета проверена", reviewer, at.plus(2, ChronoUnit.DAYS));
                    } else if (idea.outcome() == Outcome.INFEASIBLE) {
                        p.markInfeasible(InfeasibilityReason.LAND_NOT_AVAILABLE, "Жер учаскесі жоқ / Нет участка", reviewer, at.plus(2, ChronoUnit.DAYS));
                    }
                }
            }
        }
        em.flush();
        proposals.forEach(this::store);
        return 1;
    }

    /** A second Bostandyk round, for courtyards, open for proposals now: where demo visitors can try the wizard. */
    private int submissionRound(Instant now) {
        RoundText title = RoundText.title("Бостандық аулалары 2027", "Дворы Бостандыка 2027", "Bostandyk courtyards 2027");
        boolean exists = em.createNamedQuery("BudgetRound.findByTerritory", BudgetRound.class)
                .setParameter("territoryCode", "751410000").getResultStream()
                .anyMatch(r -> r.title().ru().equals(title.ru()));
        if (exists || territories.find(KatoCode.of("751410000")).isEmpty()) {
            return 0;
        }
        Map<Phase, Instant> starts = calendar(now, -7, null, 30, 50, 65, 70, 100);
        BudgetRound round = cityRound(KatoCode.of("751410000"), title, 120_000_000L, starts, null,
                starts.get(Phase.PROPOSAL_SUBMISSION).minus(3, ChronoUnit.DAYS));
        round.chooseBallotRule(BallotRule.approval(1, 3));
        round.chooseAllocationRule("greedy_cost");
        round.advanceTo(Phase.PROPOSAL_SUBMISSION, starts.get(Phase.PROPOSAL_SUBMISSION), SYSTEM);
        em.persist(round);
        em.flush();
        return 1;
    }

    /** Almaty city's youth-initiatives round, collecting support: some proposals already have supporters. */
    private int supportRound(Instant now) {
        String kato = "750000000";
        if (!roundMissing(kato)) {
            return 0;
        }
        List<Long> residents = BOSTANDYK_RESIDENTS.stream().map(r -> resident(r, now)).toList();
        Map<Phase, Instant> starts = calendar(now, -20, -3, 10, 25, 40, 45, 70);
        BudgetRound round = cityRound(KatoCode.of(kato), RoundText.title("Алматы жастарының бастамалары 2027",
                "Молодёжные инициативы Алматы 2027", "Almaty youth initiatives 2027"), 150_000_000L, starts, 3,
                starts.get(Phase.PROPOSAL_SUBMISSION).minus(5, ChronoUnit.DAYS));
        round.chooseBallotRule(BallotRule.approval(1, 5));
        round.chooseAllocationRule("mes_cost_add1");
        round.advanceTo(Phase.PROPOSAL_SUBMISSION, starts.get(Phase.PROPOSAL_SUBMISSION), SYSTEM);
        em.persist(round);
        // Categories and calendar rows go in before the rules freeze (the database refuses them afterwards).
        em.flush();
        String[][] ideas = {
                {"Жастар коворкингі кітапханада", "Молодёжный коворкинг в библиотеке", "other", "Абай даңғылы, 14", "12000000", "2"},
                {"Скейт-парк Сайран көлі жанында", "Скейт-парк у озера Сайран", "sport", "Төле би көшесі, 295", "28000000", "1"},
                {"Көшедегі шахмат үстелдері", "Уличные шахматные столы", "parks", "Панфилов көшесі, 100", "1500000", "0"}};
        List<Proposal> collecting = new java.util.ArrayList<>();
        for (int i = 0; i < ideas.length; i++) {
            String[] idea = ideas[i];
            long author = residents.get(i);
            Actor citizen = Actor.citizen(author);
            Instant at = starts.get(Phase.PROPOSAL_SUBMISSION).plus(i + 1, ChronoUnit.DAYS);
            Proposal p = Proposal.draft(round, Proposer.citizen(author), KatoCode.of("751410000"),
                    content(idea[0], idea[1], idea[2], idea[3], Long.parseLong(idea[4])), citizen, at);
            p.submit(citizen, at);
            em.persist(p);
            collecting.add(p);
        }
        em.flush();
        round.advanceTo(Phase.SUPPORT_COLLECTION, starts.get(Phase.SUPPORT_COLLECTION), SYSTEM);
        for (int i = 0; i < collecting.size(); i++) {
            Proposal p = collecting.get(i);
            p.openSupportCollection(SYSTEM, starts.get(Phase.SUPPORT_COLLECTION));
            int supporters = Integer.parseInt(ideas[i][5]);
            for (int k = 1; k <= supporters; k++) {
                long supporter = residents.get((i + k) % residents.size());
                em.persist(Support.of(p, supporter, starts.get(Phase.SUPPORT_COLLECTION).plus(k, ChronoUnit.HOURS)));
            }
            store(p);
        }
        return 1;
    }

    /** A demo round in voting: its ideas (feasible ones with "F") went through moderation and review onto the ballot. */
    private record VotingDemo(String kato, String proposerKato, RoundText title, long budget, BallotRule ballot,
                              String allocationRule, List<Resident> residents, String moderator, String[][] ideas) {
    }

    /**
     * Rounds in voting, so a demo citizen can vote: Astana city (knapsack), Bostandyk (approval, up to 3 picks), Esil
     * (knapsack) and Almaty city (cumulative: 10 points, at most 5 on one project). Ideas: Kazakh title, Russian title, category, address, assessed cost, F(easible) or I(nfeasible).
     */
    private int votingRounds(Instant now) {
        int created = 0;
        created += votingRound(now, new VotingDemo("710000000", "711210000", RoundText.title(
                "Астана — қала тұрғындардың қолында 2026", "Астана — город в руках жителей 2026",
                "Astana — a city in its residents' hands 2026"), 400_000_000L, BallotRule.knapsack(null),
                "mes_cost_add1", ESIL_RESIDENTS, "moderator.esil", new String[][]{
                {"Есіл жағалауындағы велоинфрақұрылым", "Велоинфраструктура на набережной Есиля", "roads", "Есіл жағалауы", "60000000", "F"},
                {"Ботаникалық бақтағы инклюзивті ойын алаңы", "Инклюзивная площадка в Ботаническом саду", "parks", "Тұран даңғылы, 40", "35000000", "F"},
                {"Аялдамаларды жылыту", "Обогреваемые остановки", "roads", "Қабанбай батыр даңғылы", "45000000", "F"},
                {"Аулалардағы спорт алаңдарын жаңарту", "Обновление дворовых спортплощадок", "sport", "Сарайшық көшесі, 5", "25000000", "F"},
                {"Қалалық фонтандарды жөндеу", "Ремонт городских фонтанов", "parks", "Нұржол бульвары", "70000000", "I"}}));
        created += votingRound(now, new VotingDemo("751410000", "751410000", RoundText.title(
                "Бостандық: қауіпсіз көшелер 2026", "Бостандык: безопасные улицы 2026", "Bostandyk: safe streets 2026"),
                100_000_000L, BallotRule.approval(1, 3), "greedy_cost", BOSTANDYK_RESIDENTS, "moderator.bostandyk",
                new String[][]{
                {"Мектеп маңындағы жаяу жүргіншілер өткелдерін жарықтандыру", "Подсветка переходов у школ", "roads", "Тимирязев көшесі, 40", "9000000", "F"},
                {"Ауладағы бейнебақылау", "Видеонаблюдение во дворах", "other", "Жандосов көшесі, 58", "14000000", "F"},
                {"Әл-Фараби даңғылына жаяу жүргіншілер аралы", "Островок безопасности на Аль-Фараби", "roads", "Әл-Фараби даңғылы, 95", "18000000", "F"},
                {"Саябақтағы түнгі жарық", "Ночное освещение в парке", "parks", "Байтұрсынов көшесі, 126", "12000000", "F"},
                {"Велосипед жолағын бөлу", "Выделенная велополоса", "roads", "Абай даңғылы, 150", "22000000", "F"},
                {"Жаяу жүргіншілер көпірі", "Пешеходный мост через Есентай", "roads", "Есентай өзені", "24000000", "I"}}));
        created += votingRound(now, new VotingDemo("711210000", "711210000", RoundText.title(
                "Есіл: жасыл аулалар 2026", "Есиль: зелёные дворы 2026", "Esil: green courtyards 2026"),
                40_000_000L, BallotRule.knapsack(null), "mes_cost_add1", ESIL_RESIDENTS, "moderator.esil",
                new String[][]{
                {"Сығанақ көшесіндегі аулаға ағаштар", "Деревья во дворе на Сыганак", "parks", "Сығанақ көшесі, 25", "8000000", "F"},
                {"Аулалық гүлзарлар мен суару жүйесі", "Дворовые клумбы с поливом", "parks", "Қабанбай батыр даңғылы, 11", "6500000", "F"},
                {"Ауладағы балалар ойын алаңын жаңарту", "Обновление детской площадки во дворе", "sport", "Достық көшесі, 5", "9800000", "F"},
                {"Ауладағы жаяу жүргіншілер жолдары", "Пешеходные дорожки во дворе", "roads", "Орынбор көшесі, 8", "9000000", "F"},
                {"Ауладағы көлеңкелі беседкалар", "Теневые беседки во дворе", "other", "Тұран даңғылы, 19", "9500000", "F"},
                {"Аула астындағы автотұрақ", "Подземный паркинг под двором", "roads", "Тұран даңғылы, 21", "9900000", "I"}}));
        created += votingRound(now, new VotingDemo("750000000", "751410000", RoundText.title(
                "Алматы: аулалардағы спорт 2026", "Алматы: спорт во дворах 2026", "Almaty: sport in courtyards 2026"),
                200_000_000L, BallotRule.cumulative(10, 5), "greedy_points", BOSTANDYK_RESIDENTS, "moderator.bostandyk",
                new String[][]{
                {"Аулалық воркаут алаңдары", "Дворовые воркаут-площадки", "sport", "Жандосов көшесі, 60", "30000000", "F"},
                {"Мектеп стадиондарын түнде ашу", "Открытые вечером школьные стадионы", "sport", "Розыбакиев көшесі, 181", "12000000", "F"},
                {"Қысқы каток аулада", "Зимний каток во дворе", "sport", "Тимирязев көшесі, 15", "8000000", "F"},
                {"Үстел теннисі үстелдері", "Столы для настольного тенниса", "sport", "Байзақов көшесі, 280", "3000000", "F"},
                {"Жабық бассейн", "Крытый бассейн", "sport", "Сәтбаев көшесі, 90", "48000000", "I"}}));
        return created;
    }

    private int votingRound(Instant now, VotingDemo demo) {
        return votingRound(now, demo, -60, -30, -2, 12, 15, 40) == null ? 0 : 1;
    }

    /**
     * The synthetic electorate's past round: Almaty city's spring 2026 round, approval up to 5 picks, Method of Equal
     * Shares with completion, 24 proposals over the city's eight districts; voting ran from 95 to 81 days ago. It is
     * returned still in voting, uncommitted: the caller casts its ballots in the same transaction (so the calendar
     * timer never sees it open without them), and the close-round job then counts it like any other round.
     *
     * @return the round's id, or empty when it exists already (or Almaty is not in the classifier)
     */
    public java.util.Optional<Long> pastVotingRound() {
        BudgetRound round = votingRound(clock.instant(), PAST_ROUND, -150, -120, -95, -81, -78, -60);
        if (round == null) {
            return java.util.Optional.empty();
        }
        em.flush();
        return java.util.Optional.of(round.getId());
    }

    /** Ideas of the past round: Kazakh title, Russian title, category, address, cost, F(easible), district. */
    private static final VotingDemo PAST_ROUND = new VotingDemo("750000000", "751410000", RoundText.title(
            "Алматы: қала тұрғындарының бюджеті, 2026 көктемі", "Алматы: бюджет горожан, весна 2026",
            "Almaty: residents' budget, spring 2026"), 500_000_000L, BallotRule.approval(1, 5), "mes_cost_add1",
            BOSTANDYK_RESIDENTS, "moderator.bostandyk", new String[][]{
            {"Панфилов көшесін жаяу жүргіншілерге арнау", "Пешеходная улица Панфилова", "roads", "Панфилов көшесі", "85000000", "F", "751110000"},
            {"Алмалы ауданындағы аулаларды көгалдандыру", "Озеленение дворов Алмалинского района", "parks", "Жамбыл көшесі, 114", "22000000", "F", "751110000"},
            {"Мектептер маңындағы велотұрақтар", "Велопарковки у школ", "roads", "Абылай хан даңғылы, 60", "6000000", "F", "751110000"},
            {"Алатау ауданындағы жаңа саябақ", "Новый сквер в Алатауском районе", "parks", "Рысқұлов даңғылы, 220", "64000000", "F", "751210000"},
            {"Шаңырақ шағынауданындағы жарықтандыру", "Освещение улиц мкр. Шанырак", "roads", "Шаңырақ-2", "38000000", "F", "751210000"},
            {"Аулалық футбол алаңы", "Дворовое футбольное поле", "sport", "Бұрыл көшесі, 9", "18000000", "F", "751210000"},
            {"Әуезов ауданындағы балалар ойын алаңдары", "Детские площадки Ауэзовского района", "parks", "Жетісу-2, 70", "27000000", "F", "751310000"},
            {"Саин көшесіндегі жаяу жүргіншілер көпірі", "Пешеходный мост на Саина", "roads", "Саин көшесі", "120000000", "I", "751310000"},
            {"Аулалық воркаут кешендері", "Дворовые воркаут-комплексы", "sport", "Мамыр-4, 100", "15000000", "F", "751310000"},
            {"Бостандық ауданындағы велосипед жолы", "Велодорожка в Бостандыкском районе", "roads", "Әл-Фараби даңғылы, 77", "72000000", "F", "751410000"},
            {"Орбита шағынауданындағы саябақты жаңарту", "Обновление сквера в мкр. Орбита", "parks", "Орбита-1", "33000000", "F", "751410000"},
            {"Ашық кітапхана павильоны", "Павильон открытой библиотеки", "other", "Тимирязев көшесі, 42", "9000000", "F", "751410000"},
            {"Жетісу ауданындағы аялдамаларды жаңарту", "Новые остановки Жетысуского района", "roads", "Рысқұлов даңғылы, 57", "41000000", "F", "751510000"},
            {"Жетісу ауданындағы мұз айдыны", "Каток в Жетысуском районе", "sport", "Құлжа жолы, 3", "24000000", "F", "751510000"},
            {"Кварталдағы жасыл аула", "Зелёный двор квартала", "parks", "Айнабұлақ-3", "12000000", "F", "751510000"},
            {"Медеу ауданындағы терренкур", "Терренкур в Медеуском районе", "parks", "Достық даңғылы, 250", "47000000", "F", "751710000"},
            {"Көктөбе баурайындағы қоқыс жәшіктері", "Урны и контейнеры на склонах Кок-Тобе", "other", "Көктөбе", "5000000", "F", "751710000"},
            {"Медеу ауданындағы спорт алаңы", "Спортплощадка в Медеуском районе", "sport", "Самал-2, 58", "21000000", "F", "751710000"},
            {"Наурызбай ауданындағы тротуарлар", "Тротуары Наурызбайского района", "roads", "Қалқаман-2", "56000000", "F", "751810000"},
            {"Наурызбай ауданындағы балабақша алаңы", "Площадка у детского сада", "parks", "Шұғыла шағынауданы", "14000000", "F", "751810000"},
            {"Ауыл көшелеріндегі жарықтандыру", "Освещение улиц Таусамалы", "roads", "Таусамалы", "29000000", "F", "751810000"},
            {"Түрксіб ауданындағы саябақ", "Парк в Турксибском районе", "parks", "Сейфуллин даңғылы, 30", "52000000", "F", "751910000"},
            {"Түрксіб ауданындағы жастар орталығы", "Молодёжный центр Турксиба", "other", "Майлин көшесі, 85", "95000000", "I", "751910000"},
            {"Теміржолшылар шағынауданындағы спорт алаңы", "Спортплощадка в мкр. Железнодорожный", "sport", "Өтеген батыр көшесі", "17000000", "F", "751910000"}});

    private BudgetRound votingRound(Instant now, VotingDemo demo, int submission, int moderation, int voting,
                                    int counting, int results, int implementation) {
        boolean exists = em.createNamedQuery("BudgetRound.findByTerritory", BudgetRound.class)
                .setParameter("territoryCode", demo.kato()).getResultStream()
                .anyMatch(r -> r.title().ru().equals(demo.title().ru()));
        if (exists || territories.find(KatoCode.of(demo.kato())).isEmpty()) {
            return null;
        }
        List<Long> residents = demo.residents().stream().map(r -> resident(r, now)).toList();
        Map<Phase, Instant> starts = calendar(now, submission, null, moderation, voting, counting, results, implementation);
        BudgetRound round = cityRound(KatoCode.of(demo.kato()), demo.title(), demo.budget(), starts, null,
                starts.get(Phase.PROPOSAL_SUBMISSION).minus(5, ChronoUnit.DAYS));
        round.chooseBallotRule(demo.ballot());
        round.chooseAllocationRule(demo.allocationRule());
        round.advanceTo(Phase.PROPOSAL_SUBMISSION, starts.get(Phase.PROPOSAL_SUBMISSION), SYSTEM);
        em.persist(round);
        // Categories and calendar rows go in before the rules freeze (the database refuses them afterwards).
        em.flush();
        Actor moderator = Actor.staff(demo.moderator());
        String[][] ideas = demo.ideas();
        List<Proposal> placed = new java.util.ArrayList<>();
        for (int i = 0; i < ideas.length; i++) {
            String[] idea = ideas[i];
            long author = residents.get(i % residents.size());
            Actor citizen = Actor.citizen(author);
            Instant at = starts.get(Phase.PROPOSAL_SUBMISSION).plus(i + 1, ChronoUnit.DAYS);
            Proposal p = Proposal.draft(round, Proposer.citizen(author),
                    KatoCode.of(idea.length > 6 ? idea[6] : demo.proposerKato()),
                    content(idea[0], idea[1], idea[2], idea[3], Long.parseLong(idea[4])), citizen, at);
            p.submit(citizen, at);
            em.persist(p);
            placed.add(p);
        }
        round.advanceTo(Phase.MODERATION_AND_REVIEW, starts.get(Phase.MODERATION_AND_REVIEW), SYSTEM);
        Instant decided = starts.get(Phase.MODERATION_AND_REVIEW).plus(2, ChronoUnit.DAYS);
        for (int i = 0; i < placed.size(); i++) {
            Proposal p = placed.get(i);
            p.startModeration(moderator, decided);
            p.accept(moderator, decided);
            p.startReview(moderator, decided.plus(1, ChronoUnit.DAYS));
            if ("F".equals(ideas[i][5])) {
                p.markFeasible(p.estimatedCost(), "Смета расталды / Смета подтверждена", moderator, decided.plus(3, ChronoUnit.DAYS));
                p.placeOnBallot(SYSTEM, starts.get(Phase.VOTING).minus(1, ChronoUnit.HOURS));
            } else {
                p.markInfeasible(InfeasibilityReason.MAINTENANCE_NOT_POSSIBLE, "Қызмет көрсету мүмкін емес / Нет службы эксплуатации",
                        moderator, decided.plus(3, ChronoUnit.DAYS));
            }
        }
        round.advanceTo(Phase.VOTING, starts.get(Phase.VOTING), SYSTEM);
        em.flush();
        placed.forEach(this::store);
        return round;
    }

    /**
     * Phase starts in days from today (midnight UTC); {@code null} for a round without support collection.
     */
    private static Map<Phase, Instant> calendar(Instant now, int submission, Integer support, int moderation,
                                                int voting, int counting, int results, int implementation) {
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        Map<Phase, Instant> starts = new EnumMap<>(Phase.class);
        starts.put(Phase.PROPOSAL_SUBMISSION, day.plus(submission, ChronoUnit.DAYS));
        if (support != null) {
            starts.put(Phase.SUPPORT_COLLECTION, day.plus(support, ChronoUnit.DAYS));
        }
        starts.put(Phase.MODERATION_AND_REVIEW, day.plus(moderation, ChronoUnit.DAYS));
        starts.put(Phase.VOTING, day.plus(voting, ChronoUnit.DAYS));
        starts.put(Phase.COUNTING, day.plus(counting, ChronoUnit.DAYS));
        starts.put(Phase.RESULTS_PUBLISHED, day.plus(results, ChronoUnit.DAYS));
        starts.put(Phase.IMPLEMENTATION, day.plus(implementation, ChronoUnit.DAYS));
        return starts;
    }

    private boolean roundMissing(String kato) {
        return territories.find(KatoCode.of(kato)).isPresent()
                && em.createNamedQuery("BudgetRound.findByTerritory", BudgetRound.class)
                .setParameter("territoryCode", kato).getResultList().isEmpty();
    }

    private BudgetRound cityRound(KatoCode territory, RoundText title, long budget, Map<Phase, Instant> starts,
                                  Integer supportThreshold, Instant created) {
        BudgetRound round = BudgetRound.draft(territory, title,
                RoundText.description(
                        "Қала тұрғындары жобаларды ұсынады және дауыс береді; бюджеттің бір бөлігін тұрғындар шешеді.",
                        "Жители города предлагают проекты и голосуют за них; часть бюджета решают жители.",
                        "Residents of the city propose projects and vote on them; residents decide part of the budget."),
                budget, PhaseCalendar.of(ZONE, starts), supportThreshold, SYSTEM, created);
        round.changeBudget(budget, budget / 4);
        round.defineCategories(List.of(
                new RoundCategory("parks", "Саябақтар мен көгалдандыру", "Парки и озеленение", "Parks and greenery", null),
                new RoundCategory("roads", "Жолдар мен жаяу жүргіншілер", "Дороги и пешеходы", "Roads and pedestrians", null),
                new RoundCategory("sport", "Спорт", "Спорт", "Sport", null),
                new RoundCategory("other", "Басқа", "Другое", "Other", null)));
        return round;
    }

    private static ProposalContent content(String titleKk, String titleRu, String category, String address, long cost) {
        return new ProposalContent(new ProposalTitle(titleKk + " / " + titleRu),
                new ProposalDescription(titleRu + ". " + titleKk + "."), category, ProposalLocation.of(address),
                CostEstimate.of(List.of(new CostLine("Жұмыстар мен материалдар / Работы и материалы", 1, cost))), Set.of());
    }

    /** Writes the author's notifications of a demo proposal, like the services do. */
    private void store(Proposal p) {
        p.pullNotifications().forEach(n -> em.persist(AuthorNotification.of(n)));
    }

    private long resident(Resident r, Instant now) {
        Iin iin = Iin.parse(r.iin(), LocalDate.ofInstant(now, ZONE));
        return citizens.findByIin(iin).map(Citizen::getId).orElseGet(() -> citizens.add(Citizen.register(iin,
                new PersonName(r.surname(), r.name(), r.patronymic()),
                territories.find(KatoCode.of(r.kato())).orElseThrow(), now)).getId());
    }
}
