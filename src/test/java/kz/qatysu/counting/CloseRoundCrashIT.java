package kz.qatysu.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import kz.qatysu.platform.testing.PayaraMicroProcess;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of close-round. Two copies of one database hold the same closed demo round with a large
 * number of ballots: on copy B a Payara Micro is killed (SIGKILL) while the job tallies, and a new one started on
 * the same database finds the execution left "started", marks it failed and restarts it from its checkpoint; on copy
 * A the job runs without interruption. Tallies, outcome, Merkle root and the signed protocol's digest must be equal.
 * Runs its own Payara Micro processes (not Arquillian's): only a process of our own can be killed and restarted.
 */
class CloseRoundCrashIT {

    private static final int BALLOTS = 150_000;
    private static final int PORT = 18280;
    private static final Path LOGS = Path.of(System.getProperty("qatysu.basedir", "."), "target", "crash-it");
    private static final String ESIL_ROUND = "Esil: green courtyards 2026";

    @Test
    void aKilledServerResumesTheTallyFromItsCheckpointAndCountsWhatAnUninterruptedRunCounts() throws Exception {
        Files.createDirectories(LOGS);
        String a = "qatysu_crash_a";
        String b = "qatysu_crash_b";
        recreate(a, null);

        // 1. The schema and the demo data, then a voting round whose voting ended, with many ballots.
        Process first = payara(a, "seed", Map.of("QATYSU_DEMO_DATA", "true"));
        stop(first);
        long round;
        try (Connection c = connect(a)) {
            round = single(c, "select id from budget_round where title_en = ?", ESIL_ROUND);
            List<Long> projects = longs(c, "select id from proposal where round_id = ? and status = 'ON_BALLOT' "
                    + "order by id", round);
            assertThat(projects).hasSizeGreaterThanOrEqualTo(3);
            // Time passes: voting ended a minute ago. (The published calendar is frozen by a trigger, which this
            // stand-in for the passing of weeks sets aside.)
            execute(c, "alter table budget_round_phase_start disable trigger user");
            execute(c, "update budget_round_phase_start set starts_at = now() - interval '1 minute' "
                    + "where round_id = ? and phase = 'COUNTING'", round);
            execute(c, "alter table budget_round_phase_start enable trigger user");
            try (PreparedStatement s = c.prepareStatement("insert into ballot (round_id, voter, version, channel, "
                    + "proposal_ids, points, choice, receipt_hash, receipt_sealed, cast_at) "
                    + "select ?, encode(sha256(('crash-voter-' || g)::bytea), 'hex'), 1, 'WEB', "
                    + "case g % 4 when 0 then array[?, ?]::bigint[] when 1 then array[?]::bigint[] "
                    + "when 2 then array[?, ?]::bigint[] else array[?, ?, ?]::bigint[] end, "
                    + "case g % 4 when 0 then array[1, 1] when 1 then array[1] when 2 then array[1, 1] "
                    + "else array[1, 1, 1] end, 'synthetic', encode(sha256(('crash-receipt-' || g)::bytea), 'hex'), "
                    + "'\\x00'::bytea, now() - interval '2 minutes' from generate_series(1, ?) g")) {
                Object[] params = {round, projects.get(0), projects.get(1), projects.get(2), projects.get(1),
                        projects.get(2), projects.get(0), projects.get(1), projects.get(2), BALLOTS};
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                s.executeUpdate();
            }
        }
        recreate(b, a);

        // 2. Copy B: the job starts on its schedule and the server is killed while it tallies.
        Process doomed = payara(b, "killed", Map.of("QATYSU_JOBS_CLOSE_ROUND_SCHEDULE", "every PT3S"));
        long[] tallied = new long[1];
        awaitTrue(Duration.ofMinutes(4), () -> {
            tallied[0] = count(b, "select coalesce((select ballots from round_count where round_id = ? "
                    + "and status = 'TALLYING'), 0)", round);
            return tallied[0] >= BALLOTS / 5;
        }, "the tally to pass a fifth of the ballots on copy B");
        doomed.destroyForcibly().waitFor();
        long atKill = count(b, "select ballots from round_count where round_id = ?", round);
        assertThat(atKill).isBetween(1L, BALLOTS - 1L);
        assertThat(count(b, "select count(*) from jbatchexecutioninstancedata where batchstatus = 'STARTED'"))
                .isEqualTo(1);

        // 3. A new server on copy B recovers the execution and finishes it from the checkpoint.
        Process recovering = payara(b, "recovered", Map.of("QATYSU_JOBS_RECOVERY_DELAY", "PT2S"));
        try {
            awaitTrue(Duration.ofMinutes(4), () -> count(b, "select count(*) from round_outcome where round_id = ?",
                    round) == 1, "the restarted job to count the round on copy B");
            long resumedReads = count(b, "select readcount from jbatchstepexecutioninstancedata "
                    + "where stepname = 'tally' order by stepexecid desc limit 1");
            assertThat(resumedReads).as("the restarted tally reads only what the killed one had not committed")
                    .isLessThan(BALLOTS).isGreaterThan(0);
            assertThat(count(b, "select count(*) from jbatchexecutioninstancedata where batchstatus = 'FAILED'"))
                    .isEqualTo(1);
        } finally {
            stop(recovering);
        }

        // 4. Copy A: the same job without interruption.
        Process calm = payara(a, "uninterrupted", Map.of("QATYSU_JOBS_CLOSE_ROUND_SCHEDULE", "every PT3S"));
        try {
            awaitTrue(Duration.ofMinutes(4), () -> count(a, "select count(*) from round_outcome where round_id = ?",
                    round) == 1, "the job to count the round on copy A");
        } finally {
            stop(calm);
        }

        for (String sql : List.of(
                "select string_agg(proposal_id || '=' || ballots || '/' || points, ',' order by proposal_id) "
                        + "from round_tally where round_id = ?",
                "select ballots || ' ' || total_cost || ' ' || merkle_root || ' ' || protocol_digest "
                        + "from round_outcome where round_id = ?",
                "select outcome_json from round_outcome where round_id = ?",
                "select protocol_xml from round_outcome where round_id = ?",
                "select merkle_root from receipt_publication where round_id = ?",
                "select string_agg(proposal_id || ':' || funded || ':' || step || ':' || reason, ',' "
                        + "order by proposal_id) from round_outcome_project where round_id = ?")) {
            assertThat(text(b, sql, round)).as(sql).isNotNull().isEqualTo(text(a, sql, round));
        }
        assertThat(count(b, "select ballots from round_count where round_id = ?", round)).isEqualTo(BALLOTS);
    }

    // ---------------------------------------------------------------- servers

    private static Process payara(String database, String name, Map<String, String> env) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("QATYSU_DB_NAME", database,
                "QATYSU_DEMO_DATA", "false", "QATYSU_JOBS_CLOSE_ROUND_SCHEDULE", "off",
                "QATYSU_JOBS_PUBLISH_ALLOCATIONS_SCHEDULE", "off"));
        settings.putAll(env);
        return PayaraMicroProcess.start(name, PORT, settings, LOGS.resolve(name + ".log"));
    }

    private static void stop(Process process) throws InterruptedException {
        PayaraMicroProcess.stop(process);
    }

    private static void awaitTrue(Duration limit, CheckedCondition condition, String what) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what + "; see " + LOGS);
            }
            Thread.sleep(200);
        }
    }

    @FunctionalInterface
    private interface CheckedCondition {
        boolean holds() throws Exception;
    }

    // ---------------------------------------------------------------- databases

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + env("QATYSU_DB_HOST", "127.0.0.1") + ":"
                + env("QATYSU_DB_PORT", "5432") + "/" + database, env("QATYSU_DB_USER", "qatysu"),
                env("QATYSU_DB_PASSWORD", ""));
    }

    /** Drops and creates a database, empty or as a copy of another (which must have no connections). */
    private static void recreate(String database, String template) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database + (template == null ? " encoding 'UTF8' template template0"
                    : " template " + template));
        }
    }

    private static void execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }

    private static long single(Connection c, String sql, Object... params) throws SQLException {
        List<Long> values = longs(c, sql, params);
        assertThat(values).as(sql).hasSize(1);
        return values.get(0);
    }

    private static List<Long> longs(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                List<Long> values = new java.util.ArrayList<>();
                while (rs.next()) {
                    values.add(rs.getLong(1));
                }
                return values;
            }
        }
    }

    private static long count(String database, String sql, Object... params) throws SQLException {
        try (Connection c = connect(database)) {
            List<Long> values = longs(c, sql, params);
            return values.isEmpty() ? 0 : values.get(0);
        }
    }

    private static String text(String database, String sql, Object... params) throws SQLException {
        try (Connection c = connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
