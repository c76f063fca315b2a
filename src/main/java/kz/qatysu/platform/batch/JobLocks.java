package kz.qatysu.platform.batch;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;

/**
 * One running execution per job across every server of the cluster: a PostgreSQL session-level advisory lock per job,
 * held on a connection of its own (outside any transaction) from the start of an execution until it ends. A server
 * that dies loses its session and with it the lock, so another server (or itself, restarted) can take the job over.
 * The connection is a plain JDBC connection to the same database (settings {@code qatysu.db.*}, the environment the
 * connection pool is configured from), not one of the pool's: the pool reclaims what a request or timer thread leaves
 * open when its invocation ends, and a lock must outlive the thread that took it.
 */
@ApplicationScoped
public class JobLocks {

    /** The advisory lock space of Qatysu's batch jobs (the first key of the two-key form). */
    static final int LOCK_SPACE = 0x51A7;
    private static final Logger LOGGER = Logger.getLogger(JobLocks.class.getName());

    @Inject
    private Config config;

    private final Map<String, Connection> held = new ConcurrentHashMap<>();

    /** Takes the job's lock unless some session, here or on another server, holds it. */
    public boolean tryLock(String job) {
        if (held.containsKey(job)) {
            return false;
        }
        Connection connection = null;
        try {
            connection = connect();
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, LOCK_SPACE);
                lock.setString(2, job);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1) && held.putIfAbsent(job, connection) == null) {
                        return true;
                    }
                }
            }
            unlockQuietly(job, connection);
            return false;
        } catch (SQLException e) {
            if (connection != null) {
                closeQuietly(connection);
            }
            throw new IllegalStateException("Could not take the lock of job " + job, e);
        }
    }

    private Connection connect() throws SQLException {
        String host = config.getOptionalValue("qatysu.db.host", String.class).orElse("127.0.0.1");
        String port = config.getOptionalValue("qatysu.db.port", String.class).orElse("5432");
        String name = config.getOptionalValue("qatysu.db.name", String.class).orElse("qatysu");
        Properties props = new Properties();
        props.setProperty("user", config.getOptionalValue("qatysu.db.user", String.class).orElse("qatysu"));
        config.getOptionalValue("qatysu.db.password", String.class).ifPresent(pw -> props.setProperty("password", pw));
        props.setProperty("ApplicationName", "qatysu-job-lock");
        Connection c = DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + name, props);
        c.setAutoCommit(true);
        return c;
    }

    /** Whether this server holds the job's lock. */
    public boolean holds(String job) {
        return held.containsKey(job);
    }

    /** Releases the job's lock if this server holds it. */
    public void release(String job) {
        Connection connection = held.remove(job);
        if (connection != null) {
            unlockQuietly(job, connection);
        }
    }

    private static void unlockQuietly(String job, Connection connection) {
        try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock_all()")) {
            unlock.execute();
        } catch (SQLException e) {
            LOGGER.log(Level.WARNING, "Releasing the lock of job " + job + " failed; closing its session", e);
        }
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        }
    }

    @PreDestroy
    void releaseAll() {
        held.keySet().forEach(this::release);
    }
}
