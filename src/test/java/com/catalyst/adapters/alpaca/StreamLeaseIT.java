package com.catalyst.adapters.alpaca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

import com.catalyst.testsupport.TestDatabases;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exactly one process holds the market-data stream, on the real PostgreSQL; a holder that dies hands it over. */
class StreamLeaseIT {

    HikariDataSource first;
    HikariDataSource second;

    @BeforeEach
    void twoProcesses() {
        String url = TestDatabases.fresh("catalyst_it_stream_lease");
        first = pool(url, "first");
        second = pool(url, "second");
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
    }

    @Test
    void oneHolderAtATimeAndReleaseHandsItOver() {
        try (StreamLease a = new StreamLease(first); StreamLease b = new StreamLease(second)) {
            assertThat(a.tryAcquire()).isTrue();
            assertThat(a.tryAcquire()).as("taking it again is a no-op").isTrue();
            assertThat(b.tryAcquire()).isFalse();
            assertThat(b.held()).isFalse();

            a.release();
            assertThat(a.held()).isFalse();
            assertThat(b.tryAcquire()).isTrue();
            assertThat(a.tryAcquire()).isFalse();
        }
    }

    @Test
    void aReleasedLeaseDoesNotStayLockedInThePooledConnection() {
        try (StreamLease a = new StreamLease(first); StreamLease b = new StreamLease(second)) {
            assertThat(a.tryAcquire()).isTrue();
            a.release();
            // the pool keeps the connection open; were the lock left on its session, b could never take it
            assertThat(b.tryAcquire()).isTrue();
        }
    }

    @Test
    void aHolderWhoseSessionDiesLosesTheLeaseAndAnotherTakesIt() throws Exception {
        try (StreamLease a = new StreamLease(first); StreamLease b = new StreamLease(second)) {
            assertThat(a.tryAcquire()).isTrue();
            assertThat(b.tryAcquire()).isFalse();

            // what a kill -9 of the holder or a database restart does to its session
            try (Connection admin = DriverManager.getConnection(TestDatabases.url("postgres"), TestDatabases.USER, null);
                 Statement st = admin.createStatement()) {
                st.execute("select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and objid = "
                        + (StreamLease.KEY & 0xffffffffL) + " and classid = " + (StreamLease.KEY >>> 32));
            }

            // the server ends the session asynchronously: the lock is free once it has
            await().atMost(Duration.ofSeconds(10)).until(b::tryAcquire);
            assertThat(a.held()).isFalse();
            assertThat(a.tryAcquire()).isFalse();
        }
    }

    private static HikariDataSource pool(String url, String name) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(TestDatabases.USER);
        ds.setPoolName("lease-" + name);
        ds.setMaximumPoolSize(2);
        return ds;
    }
}
