package kz.qatysu.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct JDBC to the test database, for browser tests that assert on what was (not) stored. */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        String url = "jdbc:postgresql://" + env("QATYSU_DB_HOST", "127.0.0.1") + ":" + env("QATYSU_DB_PORT", "5432")
                + "/" + env("QATYSU_DB_NAME", "qatysu_test");
        return DriverManager.getConnection(url, env("QATYSU_DB_USER", "qatysu"), env("QATYSU_DB_PASSWORD", ""));
    }

    public static long count(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The first column of the first row as text, or null when there is no row. */
    public static String string(String sql, Object... params) throws SQLException {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
