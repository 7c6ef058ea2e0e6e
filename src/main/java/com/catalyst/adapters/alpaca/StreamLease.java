package com.catalyst.adapters.alpaca;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who holds the venue's market-data stream: Alpaca allows one connection an account, so of all the processes that
 * run the Alpaca market adapter on one database, exactly one streams and the others take its bars from the relay.
 * The holder is whoever owns a PostgreSQL session advisory lock, on a pool connection it keeps for as long as it
 * streams (one connection fewer for the pool): a holder that dies (kill -9 included) closes that connection, the server frees the lock, and the next
 * {@link #tryAcquire()} of another process takes the stream over. No table, no heartbeat, nothing to clean up.
 */
public final class StreamLease implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamLease.class);
    /** The lock's key: any fixed bigint no other part of Catalyst uses ("CATALYST-STREAM" in ASCII, truncated). */
    static final long KEY = 0x434154414c595354L;

    private final DataSource dataSource;
    private Connection held;

    public StreamLease(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when this process holds the stream (now or already); false while another process does or the database is away. */
    public synchronized boolean tryAcquire() {
        if (held != null && alive(held)) {
            return true;
        }
        release();
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                lock.setLong(1, KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        held = connection;
                        LOG.info("This process holds the market-data stream lease (advisory lock {})", KEY);
                        return true;
                    }
                }
            }
            connection.close();
            return false;
        } catch (SQLException e) {
            LOG.debug("Stream lease not taken: {}", e.getMessage());
            closeQuietly(connection);
            return false;
        }
    }

    /** Whether the lease is still ours: false once its connection broke (a database restart frees the lock). */
    public synchronized boolean held() {
        if (held == null) {
            return false;
        }
        if (!alive(held)) {
            LOG.warn("The market-data stream lease was lost with its database connection; another process may stream now");
            release();
            return false;
        }
        return true;
    }

    /** Gives the stream up: the lock is released before its connection goes back to the pool, which would keep the session. */
    public synchronized void release() {
        if (held != null && alive(held)) {
            try (PreparedStatement unlock = held.prepareStatement("select pg_advisory_unlock(?)")) {
                unlock.setLong(1, KEY);
                unlock.execute();
            } catch (SQLException e) {
                LOG.debug("Stream lease unlock failed: {}", e.getMessage());
            }
        }
        closeQuietly(held);
        held = null;
    }

    @Override
    public void close() {
        release();
    }

    private static boolean alive(Connection connection) {
        try {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            // already broken: the server frees the lock with the session either way
        }
    }
}
