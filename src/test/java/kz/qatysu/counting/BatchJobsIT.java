package kz.qatysu.counting;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import kz.qatysu.allocation.domain.Instance;
import kz.qatysu.allocation.pabulib.PabulibReader;
import kz.qatysu.citizen.domain.Citizen;
import kz.qatysu.citizen.domain.SyntheticIins;
import kz.qatysu.platform.batch.BatchJobs;
import kz.qatysu.platform.domain.DomainRuleViolation;
import kz.qatysu.platform.signing.SigningKeys;
import kz.qatysu.platform.signing.XmlSignatures;
import kz.qatysu.platform.testing.Database;
import kz.qatysu.platform.testing.Deployments;
import kz.qatysu.platform.testing.Transactions;
import kz.qatysu.registry.application.Outbox;
import kz.qatysu.registry.domain.AllocationNotice;
import kz.qatysu.registry.domain.AllocationNoticeJson;
import kz.qatysu.registry.simulator.FailMode;
import kz.qatysu.registry.simulator.ReceivedMessage;
import kz.qatysu.registry.simulator.RegistrySimulator;
import kz.qatysu.round.domain.BallotRule;
import kz.qatysu.voting.VotingRoundFixture;
import kz.qatysu.voting.application.BallotBox;
import kz.qatysu.voting.domain.BallotChoice;
import kz.qatysu.voting.domain.Channel;
import kz.qatysu.voting.domain.MerkleTree;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

/**
 * The close-round job in the container against the real schema: rounds whose voting ended are closed, tallied in
 * checkpointed chunks and allocated with their frozen rule; outcome, signed protocol and registry outbox are stored
 * together; a second run changes nothing; two starts at once make one execution; casts racing the job's close are
 * counted or refused, never lost. Then the registry relay against the registry simulator (started in this JVM on
 * the port ./qatysu test configures the targets with): every message delivered exactly once per idempotency key
 * through outages, 500s and timeouts after accepting; a refused message goes dead while the others flow; an older
 * version never follows a newer one.
 */
@ExtendWith(ArquillianExtension.class)
public class BatchJobsIT {

    static final String BOSTANDYK = "751410000";

    @Deployment
    public static WebArchive deployment() {
        return Deployments.portalWithTests(BatchJobsIT.class).addClasses(VotingRoundFixture.class,
                SyntheticIins.class).addPackage(RegistrySimulator.class.getPackage());
    }

    @PersistenceContext(unitName = "qatysu")
    private EntityManager em;
    @Resource
    private UserTransaction tx;
    @Resource
    private ManagedExecutorService executor;
    @Inject
    private BallotBox box;
    @Inject
    private BatchJobs jobs;
    @Inject
    private SigningKeys keys;
    @Inject
    private Outbox outbox;

    /** The registries: one simulator for the whole class, on the port the targets point to. */
    private static RegistrySimulator registries;

    private RegistrySimulator registries() throws Exception {
        synchronized (BatchJobsIT.class) {
            if (registries == null) {
                registries = RegistrySimulator.start(Integer.getInteger("qatysu.it.registry-port", 18480),
                        keys.certificate());
            }
            return registries;
        }
    }

    /** Each test gets a fresh registry; none is left bound to the port after the class (the browser tests use it). */
    @AfterEach
    void stopRegistries() {
        synchronized (BatchJobsIT.class) {
            if (registries != null) {
                registries.close();
                registries = null;
            }
        }
    }

    private void allRegistriesOk() throws Exception {
        for (String r : REGISTRIES) {
            registries().failMode(r, FailMode.ok());
        }
    }

    private final Map<Long, Instant> resultsDue = new java.util.concurrent.ConcurrentHashMap<>();

    private static final List<String> REGISTRIES = List.of("treasury", "statistics", "self-government");

    /** Casts a few ballots in a new round, lets its voting end and counts it: its messages are in the outbox. */
    private VotingRoundFixture.TestRound countedRound() throws Exception {
        var round = roundEndingIn(3, "greedy_cost");
        cast(round.id(), List.of(round.onBallot().get(0)));
        cast(round.id(), List.of(round.onBallot().get(1), round.onBallot().get(3)));
        awaitResultsDue(round);
        runToEnd("close-round");
        assertThat(Database.count("select count(*) from registry_message where round_id = ?", round.id()))
                .isEqualTo(3);
        return round;
    }

    /** Runs the relay job until no message of the round is pending (or the deadline passes). */
    private void publishUntilSettled(long roundId, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        do {
            runToEnd("publish-allocations");
            if (Database.count("select count(*) from registry_message where round_id = ? and status = 'PENDING'",
                    roundId) == 0) {
                return;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Messages of round " + roundId + " still pending after " + seconds + " s");
    }

    private static String status(long roundId, String target) throws Exception {
        return text("select string_agg(status, ',' order by version) from registry_message where round_id = ? "
                + "and target = ?", roundId, target);
    }

    /** A round whose voting ends in {@code seconds}; projects cost 10, 20, 30 and 5 million of 50 million. */
    private VotingRoundFixture.TestRound roundEndingIn(int seconds, String rule) throws Exception {
        Instant end = Instant.now().plusSeconds(seconds);
        var round = Transactions.inTransaction(tx, () -> VotingRoundFixture.inVoting(em, BOSTANDYK,
                BallotRule.approval(1, 3), rule, end, end.plusMillis(500), 50_000_000L,
                10_000_000L, 20_000_000L, 30_000_000L, 5_000_000L));
        resultsDue.put(round.id(), end.plusMillis(500));
        return round;
    }

    private String cast(long roundId, List<Long> projects) throws Exception {
        long citizen = Transactions.inTransaction(tx, () -> VotingRoundFixture.citizen(em, BOSTANDYK,
                LocalDate.of(1880, 1, 1))).getId();
        return Transactions.inTransaction(tx, () -> box.cast(box.lockForCasting(roundId),
                em.find(Citizen.class, citizen), BallotChoice.approve(projects), Channel.WEB)).receipt();
    }

    private long runToEnd(String job) throws Exception {
        long id = jobs.start(job, new Properties()).orElseThrow();
        awaitEnd(id);
        return id;
    }

    private void awaitEnd(long executionId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!jobs.ended(executionId)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Execution " + executionId + " did not end within 120 s");
            }
            Thread.sleep(100);
        }
    }

    /** Waits until the round's calendar says its results are due (voting has ended before that). */
    private void awaitResultsDue(VotingRoundFixture.TestRound round) throws InterruptedException {
        awaitPast(resultsDue.get(round.id()));
    }

    private static void awaitPast(Instant instant) throws InterruptedException {
        while (Instant.now().isBefore(instant.plusMillis(50))) {
            Thread.sleep(50);
        }
    }

    private static String text(String sql, Object... params) throws Exception {
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void aRoundWhoseVotingEndedIsClosedCountedAllocatedSignedAndQueuedForTheRegistries() throws Exception {
        var round = roundEndingIn(6, "greedy_cost");
        List<Long> p = round.onBallot();
        // Votes: p0 ×4, p1 ×3, p2 ×2, p3 ×1 → greedy: p0 (10 M), p1 (20 M) … p2 (30 M) no longer fits, p3 (5 M) does.
        cast(round.id(), List.of(p.get(0), p.get(1)));
        cast(round.id(), List.of(p.get(0), p.get(2)));
        cast(round.id(), List.of(p.get(0), p.get(1)));
        cast(round.id(), List.of(p.get(0), p.get(3)));
        cast(round.id(), List.of(p.get(1), p.get(2)));
        awaitResultsDue(round);

        long execution = runToEnd("close-round");

        assertThat(jobs.execution(execution).status()).isEqualTo("COMPLETED");
        assertThat(text("select phase from budget_round where id = ?", round.id())).isEqualTo("RESULTS_PUBLISHED");
        assertThat(text("select status || ':' || ballots from round_count where round_id = ?", round.id()))
                .isEqualTo("COUNTED:5");
        assertThat(Database.count("select ballots from round_tally where round_id = ? and proposal_id = ?",
                round.id(), p.get(0))).isEqualTo(4);
        assertThat(Database.count("select ballots from round_tally where round_id = ? and proposal_id = ?",
                round.id(), p.get(2))).isEqualTo(2);
        assertThat(text("select string_agg(proposal_id::text, ',' order by step) from round_outcome_project "
                + "where round_id = ? and funded", round.id()))
                .isEqualTo(p.get(0) + "," + p.get(1) + "," + p.get(3));
        assertThat(text("select reason from round_outcome_project where round_id = ? and proposal_id = ?",
                round.id(), p.get(2))).isEqualTo("DID_NOT_FIT_REMAINING_BUDGET");
        assertThat(Database.count("select total_cost from round_outcome where round_id = ?", round.id()))
                .isEqualTo(35_000_000L);
        for (int i = 0; i < p.size(); i++) {
            assertThat(text("select status from proposal where id = ?", p.get(i))).as("p" + i)
                    .isEqualTo(i == 2 ? "NOT_FUNDED" : "FUNDED");
        }

        // The protocol: signed with the platform's key, its digest recorded, the published Merkle root inside.
        String xml = text("select protocol_xml from round_outcome where round_id = ?", round.id());
        Document protocol = parse(xml);
        var verification = XmlSignatures.verify(protocol, keys.certificate());
        assertThat(verification.valid()).as(verification.toString()).isTrue();
        assertThat(XmlSignatures.digest(protocol))
                .isEqualTo(text("select protocol_digest from round_outcome where round_id = ?", round.id()).strip());
        String root = text("select merkle_root from receipt_publication where round_id = ?", round.id()).strip();
        assertThat(xml).contains("merkleRoot=\"" + root + "\"");
        assertThat(text("select merkle_root from round_outcome where round_id = ?", round.id()).strip()).isEqualTo(root);
        Document tampered = parse(xml.replace("ballots=\"4\"", "ballots=\"40\""));
        assertThat(XmlSignatures.verify(tampered, keys.certificate()).valid()).isFalse();

        // One message per registry, pending, in the same transaction as the outcome.
        assertThat(Database.count("select count(*) from registry_message where round_id = ? and status = 'PENDING'",
                round.id())).isEqualTo(3);

        // A second run finds nothing to close or count and changes nothing.
        String digest = text("select protocol_digest from round_outcome where round_id = ?", round.id());
        long again = runToEnd("close-round");
        assertThat(jobs.execution(again).status()).isEqualTo("COMPLETED");
        assertThat(text("select protocol_digest from round_outcome where round_id = ?", round.id())).isEqualTo(digest);
        assertThat(Database.count("select count(*) from registry_message where round_id = ?", round.id())).isEqualTo(3);
        assertThat(Database.count("select ballots from round_tally where round_id = ? and proposal_id = ?",
                round.id(), p.get(0))).isEqualTo(4);
    }

    @Test
    void twoStartsAtOnceMakeOneExecutionAndTheTallyOfALargeRoundIsExact() throws Exception {
        var round = roundEndingIn(3, "mes_cost");
        List<Long> p = round.onBallot();
        int ballots = 30_000;
        // Synthetic counted ballots straight into the table (the tally and the Merkle list only read it).
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(
                "insert into ballot (round_id, voter, version, channel, proposal_ids, points, choice, receipt_hash, "
                        + "receipt_sealed, cast_at) select ?, encode(sha256(('voter-' || ? || '-' || g)::bytea), 'hex'), "
                        + "1, 'WEB', case g % 3 when 0 then array[?, ?]::bigint[] when 1 then array[?]::bigint[] "
                        + "else array[?, ?, ?]::bigint[] end, case g % 3 when 0 then array[1, 1] when 1 then array[1] "
                        + "else array[1, 1, 1] end, 'synthetic', "
                        + "encode(sha256(('receipt-' || ? || '-' || g)::bytea), 'hex'), '\\x00'::bytea, now() "
                        + "from generate_series(1, ?) g")) {
            Object[] params = {round.id(), round.id(), p.get(0), p.get(1), p.get(2), p.get(1), p.get(2), p.get(3),
                    round.id(), ballots};
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
        awaitResultsDue(round);

        CountDownLatch go = new CountDownLatch(1);
        Callable<Optional<Long>> start = () -> {
            go.await();
            return jobs.start("close-round", new Properties());
        };
        Future<Optional<Long>> first = executor.submit(start);
        Future<Optional<Long>> second = executor.submit(start);
        go.countDown();
        List<Long> started = new ArrayList<>();
        first.get(60, TimeUnit.SECONDS).ifPresent(started::add);
        second.get(60, TimeUnit.SECONDS).ifPresent(started::add);
        assertThat(started).hasSize(1);
        awaitEnd(started.get(0));
        assertThat(jobs.execution(started.get(0)).status()).isEqualTo("COMPLETED");

        // g % 3 == 0: p0, p1 (10,000); == 1: p2 (10,000); == 2: p1, p2, p3 (10,000).
        int[] expected = {10_000, 20_000, 20_000, 10_000};
        for (int i = 0; i < p.size(); i++) {
            assertThat(Database.count("select ballots from round_tally where round_id = ? and proposal_id = ?",
                    round.id(), p.get(i))).as("p" + i).isEqualTo(expected[i]);
        }
        assertThat(Database.count("select ballots from round_count where round_id = ?", round.id())).isEqualTo(ballots);
        var steps = jobs.execution(started.get(0)).steps();
        assertThat(steps).extracting(BatchJobs.StepView::name).containsExactly("close", "tally", "allocate");
        assertThat(steps.get(1).read()).isGreaterThanOrEqualTo(ballots);
        assertThat(steps.get(1).commits()).isGreaterThanOrEqualTo(ballots / 5000);
        // The Merkle root in the protocol is the one over the published counted receipts.
        List<String> hashes = new ArrayList<>();
        try (Connection c = Database.connect(); PreparedStatement s = c.prepareStatement(
                "select receipt_hash from ballot where round_id = ? and superseded_at is null order by receipt_hash")) {
            s.setLong(1, round.id());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getString(1).strip());
                }
            }
        }
        assertThat(text("select merkle_root from round_outcome where round_id = ?", round.id()).strip())
                .isEqualTo(MerkleTree.root(hashes));
    }

    @Test
    void castsRacingTheJobsCloseAreCountedOrRefusedNeverLost() throws Exception {
        var round = roundEndingIn(4, "greedy_cost");
        BallotChoice choice = BallotChoice.approve(List.of(round.onBallot().get(1)));
        int voters = 40;
        List<Long> citizens = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            citizens.add(Transactions.inTransaction(tx, () -> VotingRoundFixture.citizen(em, BOSTANDYK,
                    LocalDate.of(1880, 1, 1))).getId());
        }
        awaitPast(Instant.now().plusSeconds(4).minus(300, ChronoUnit.MILLIS));
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> casts = new ArrayList<>();
        for (long citizenId : citizens) {
            casts.add(executor.submit(() -> {
                go.await();
                try {
                    return Transactions.inTransaction(tx, () -> box.cast(box.lockForCasting(round.id()),
                            em.find(Citizen.class, citizenId), choice, Channel.WEB)).receipt();
                } catch (DomainRuleViolation refused) {
                    return refused.messageKey();
                }
            }));
        }
        go.countDown();
        awaitResultsDue(round);
        long execution = runToEnd("close-round");
        int accepted = 0;
        for (Future<String> f : casts) {
            String outcome = f.get(60, TimeUnit.SECONDS);
            if (!outcome.equals("voting.error.closed")) {
                assertThat(outcome).matches("[0-9a-f]{64}");
                accepted++;
            }
        }
        assertThat(jobs.execution(execution).status()).isEqualTo("COMPLETED");
        assertThat(Database.count("select count(*) from ballot where round_id = ?", round.id())).isEqualTo(accepted);
        assertThat(Database.count("select coalesce(sum(ballots), 0) from round_tally where round_id = ?", round.id()))
                .isEqualTo(accepted);
        assertThat(Database.count("select counted from receipt_publication where round_id = ?", round.id()))
                .isEqualTo(accepted);
    }

    // ---------------------------------------------------------------- registries

    @Test
    void everyRegistryGetsEachMessageExactlyOnceThroughOutagesErrorsAndTimeoutsAfterAccepting() throws Exception {
        registries();
        var round = countedRound();
        try {
            registries().failMode("treasury", FailMode.downFor(java.time.Duration.ofSeconds(4)));
            registries().failMode("statistics", FailMode.acceptThenTimeout(java.time.Duration.ofSeconds(5)));
            registries().failMode("self-government", FailMode.error500());

            runToEnd("publish-allocations");
            for (String r : REGISTRIES) {
                assertThat(status(round.id(), r)).as(r).isEqualTo("PENDING");
            }
            // The statistics registry stored the message although the answer never came in time.
            assertThat(registries().received("statistics")).filteredOn(m -> m.roundId() == round.id()).hasSize(1);

            registries().failMode("statistics", FailMode.ok());
            registries().failMode("self-government", FailMode.ok());
            publishUntilSettled(round.id(), 60);
        } finally {
            allRegistriesOk();
        }
        for (String r : REGISTRIES) {
            assertThat(status(round.id(), r)).as(r).isEqualTo("DELIVERED");
            List<ReceivedMessage> got = registries().received(r).stream().filter(m -> m.roundId() == round.id()).toList();
            assertThat(got).as(r).hasSize(1);
            assertThat(got.get(0).notice().projects()).hasSize(round.onBallot().size());
            assertThat(got.get(0).notice().protocolDigest()).isEqualTo(
                    text("select protocol_digest from round_outcome where round_id = ?", round.id()).strip());
        }
        assertThat(registries().received("statistics").stream().filter(m -> m.roundId() == round.id())
                .findFirst().orElseThrow().deliveries()).isGreaterThanOrEqualTo(2);
        // Every attempt is on record: the failed ones with their status, the last one delivered.
        assertThat(Database.count("select count(*) from registry_delivery_attempt a join registry_message m "
                + "on m.id = a.message_id where m.round_id = ? and a.result = 'RETRY'", round.id()))
                .isGreaterThanOrEqualTo(3);
        assertThat(text("select string_agg(distinct http_status::text, ',') from registry_delivery_attempt a "
                + "join registry_message m on m.id = a.message_id where m.round_id = ? and m.target = "
                + "'self-government' and a.result = 'RETRY'", round.id())).contains("500");
    }

    @Test
    void aRefusedMessageGoesDeadWhileTheOthersAreDelivered() throws Exception {
        registries();
        var refused = countedRound();
        var fine = countedRound();
        try {
            registries().failMode("treasury", FailMode.rejecting("allocation." + refused.id() + ".v1"));
            publishUntilSettled(refused.id(), 30);
            publishUntilSettled(fine.id(), 30);
        } finally {
            allRegistriesOk();
        }
        assertThat(status(refused.id(), "treasury")).isEqualTo("DEAD");
        assertThat(status(refused.id(), "statistics")).isEqualTo("DELIVERED");
        assertThat(status(fine.id(), "treasury")).isEqualTo("DELIVERED");
        assertThat(Database.count("select count(*) from registry_delivery_attempt a join registry_message m "
                + "on m.id = a.message_id where m.round_id = ? and m.target = 'treasury'", refused.id())).isEqualTo(1);
        assertThat(text("select http_status::text from registry_delivery_attempt a join registry_message m "
                + "on m.id = a.message_id where m.round_id = ? and m.target = 'treasury'", refused.id()))
                .startsWith("4");
    }

    @Test
    void anOlderVersionNeverReachesARegistryAfterANewerOne() throws Exception {
        registries();
        var round = countedRound();
        byte[] body = (byte[]) em.createNativeQuery("select body from registry_message where round_id = ?1 "
                + "and target = 'treasury'").setParameter(1, round.id()).getSingleResult();
        AllocationNotice first = AllocationNoticeJson.fromJson(body);
        AllocationNotice second = new AllocationNotice(first.messageKind(), first.roundId(), 2, first.roundTitle(),
                first.territoryKato(), first.territoryName(), first.budget(), first.currency(), first.rule(),
                first.manifestHash(), first.merkleRoot(), first.protocolDigest(), first.closedAt(), first.projects());
        Transactions.inTransaction(tx, () -> {
            outbox.enqueue(second, Instant.now());
            return null;
        });
        publishUntilSettled(round.id(), 30);
        for (String r : REGISTRIES) {
            assertThat(status(round.id(), r)).as(r).isEqualTo("SUPERSEDED,DELIVERED");
            assertThat(registries().received(r).stream().filter(m -> m.roundId() == round.id())
                    .map(ReceivedMessage::version).toList()).as(r).containsExactly(2);
            assertThat(registries().outOfOrder(r)).as(r).isEmpty();
        }
    }

    // ---------------------------------------------------------------- open data

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:"
                + System.getProperty("qatysu.arquillian.port", "18081") + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theNightlyOpenDataPublishesResultsAndBallotsWithDemographicsOnlyWhereKVotersTookPart() throws Exception {
        var few = roundEndingIn(5, "greedy_cost");
        var enough = roundEndingIn(5, "greedy_cost");
        cast(few.id(), List.of(few.onBallot().get(0)));
        cast(few.id(), List.of(few.onBallot().get(1)));
        for (int i = 0; i < 3; i++) { // k = 3 in the test run
            cast(enough.id(), List.of(enough.onBallot().get(i), enough.onBallot().get(3)));
        }
        awaitResultsDue(few);
        awaitResultsDue(enough);
        runToEnd("close-round");
        long execution = runToEnd("nightly-open-data");
        assertThat(jobs.execution(execution).status()).isEqualTo("COMPLETED");

        HttpResponse<String> index = get("/opendata/");
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.body()).contains("\"round\":" + few.id()).contains("\"round\":" + enough.id());

        HttpResponse<String> csv = get("/opendata/round-" + enough.id() + "/results.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(1 + enough.onBallot().size());
        assertThat(csv.body()).startsWith("proposal_id,title,category,cost_kzt,votes,points,funded")
                .contains(enough.onBallot().get(3) + ",");

        Instance withAges = new PabulibReader().parse(get("/opendata/round-" + enough.id() + "/ballots.pb").body());
        assertThat(withAges.ballots()).hasSize(3).allSatisfy(b -> {
            assertThat(b.ageBand()).isEqualTo("65+"); // the test residents were born in 1880
            assertThat(b.sex()).isIn("M", "F");
        });
        assertThat(withAges.projects()).hasSize(enough.onBallot().size());
        Instance anonymous = new PabulibReader().parse(get("/opendata/round-" + few.id() + "/ballots.pb").body());
        assertThat(anonymous.ballots()).hasSize(2).allSatisfy(b -> {
            assertThat(b.ageBand()).isNull();
            assertThat(b.sex()).isNull();
        });
        Document protocol = parse(get("/opendata/round-" + enough.id() + "/protocol.xml").body());
        assertThat(XmlSignatures.verify(protocol, keys.certificate()).valid()).isTrue();

        HttpResponse<String> climbing = get("/opendata/../WEB-INF/web.xml");
        assertThat(climbing.statusCode()).isEqualTo(400);
        assertThat(climbing.body()).doesNotContain("web-app");
        assertThat(get("/opendata/round-" + enough.id() + "/%2e%2e/%2e%2e/index.json").statusCode()).isEqualTo(400);
        assertThat(get("/opendata/round-999999999/results.csv").statusCode()).isEqualTo(404);
    }

    private static Document parse(String xml) {
        return kz.qatysu.platform.signing.SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8));
    }
}
