package com.catalyst.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fresh PostgreSQL databases for the integration tests, on the server at CATALYST_TEST_PG (default
 * 127.0.0.1:5432, user postgres, trust auth, as on CI). A server that does not answer fails the test: it never skips.
 */
public final class TestDatabases {

    public static final String SERVER = System.getenv().getOrDefault("CATALYST_TEST_PG", "127.0.0.1:5432");
    public static final String USER = System.getenv().getOrDefault("CATALYST_TEST_PG_USER", "postgres");

    private TestDatabases() {
    }

    /** Drops and creates {@code name}; returns its JDBC URL. */
    public static String fresh(String name) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + SERVER + "/postgres", USER, "");
             Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + SERVER + " is needed by the integration tests and did not answer: "
                    + e.getMessage() + " (start it, or set CATALYST_TEST_PG)", e);
        }
        return url(name);
    }

    /**
     * A fresh database {@code name} with the application's schema (its Flyway migrations, as start-up runs them): the
     * data source a repository's test builds its repository on, with no Spring context.
     */
    public static javax.sql.DataSource migrated(String name) {
        org.springframework.jdbc.datasource.DriverManagerDataSource source =
                new org.springframework.jdbc.datasource.DriverManagerDataSource(fresh(name), USER, "");
        org.flywaydb.core.Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
        return source;
    }

    public static String url(String name) {
        return "jdbc:postgresql://" + SERVER + "/" + name;
    }
}
