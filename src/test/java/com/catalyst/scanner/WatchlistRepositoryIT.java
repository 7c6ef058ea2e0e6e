package com.catalyst.scanner;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

import com.catalyst.testsupport.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * WatchlistRepository on the real PostgreSQL, the schema migrated as the application migrates it: the list with the
 * securities master's names, an add that inserts once and then keeps the row's date and replaces its note only when one
 * is given, the count of the others under the table's lock (held until the add's transaction ends), and a removal.
 * No Spring context.
 */
class WatchlistRepositoryIT {

    private String url;
    private JdbcClient jdbc;
    private WatchlistRepository watchlist;
    private TransactionTemplate transactions;

    @BeforeEach
    void freshSchema() {
        url = TestDatabases.fresh("catalyst_it_watchlist_repository");
        DriverManagerDataSource source = new DriverManagerDataSource(url, TestDatabases.USER, "");
        Flyway.configure().dataSource(source).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(source);
        watchlist = new WatchlistRepository(jdbc);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(source));
    }

    @Test
    void anAddInsertsOnceThenKeepsItsDateAndReplacesTheNoteOnlyWhenGiven() {
        WatchlistRepository.Stored first = watchlist.upsert("ACME", "earnings tonight");
        assertThat(first.inserted()).isTrue();
        assertThat(first.note()).isEqualTo("earnings tonight");
        // an older date, so that a second add that reset it would show
        jdbc.sql("update watchlist set added_at = :at where symbol = 'ACME'").param("at", Timestamp.from(Instant.parse("2026-01-05T15:00:00Z")))
                .update();

        WatchlistRepository.Stored again = watchlist.upsert("ACME", null);
        assertThat(again.inserted()).as("listed already").isFalse();
        assertThat(again.note()).as("no note given: the note stays").isEqualTo("earnings tonight");
        assertThat(again.addedAt()).isEqualTo(Instant.parse("2026-01-05T15:00:00Z"));

        WatchlistRepository.Stored renoted = watchlist.upsert("ACME", "after the call");
        assertThat(renoted.inserted()).isFalse();
        assertThat(renoted.note()).isEqualTo("after the call");
        assertThat(renoted.addedAt()).isEqualTo(Instant.parse("2026-01-05T15:00:00Z"));
        assertThat(watchlist.count()).isEqualTo(1);
    }

    @Test
    void theListIsAlphabeticalWithTheSecuritiesMastersNames() {
        // a name from the master, a company name only, and a symbol the master does not hold
        jdbc.sql("insert into securities (symbol, name, company_name) values ('BOLT', 'Bolt Inc', 'Bolt Incorporated'),"
                + " ('ACME', null, 'Acme Corporation')").update();
        watchlist.upsert("CLIP", null);
        watchlist.upsert("BOLT", "breakout");
        watchlist.upsert("ACME", null);

        assertThat(watchlist.symbols()).containsExactly("ACME", "BOLT", "CLIP");
        assertThat(watchlist.list()).extracting(WatchlistBook.Entry::symbol, WatchlistBook.Entry::name, WatchlistBook.Entry::note)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ACME", "Acme Corporation", null),
                        org.assertj.core.groups.Tuple.tuple("BOLT", "Bolt Inc", "breakout"),
                        org.assertj.core.groups.Tuple.tuple("CLIP", null, null));
        assertThat(watchlist.list()).allSatisfy(e -> assertThat(e.addedAt()).isNotNull());
    }

    @Test
    void theOthersAreCountedUnderALockHeldUntilTheTransactionEnds() throws SQLException {
        watchlist.upsert("ACME", null);
        watchlist.upsert("BOLT", null);

        try (Connection other = DriverManager.getConnection(url, TestDatabases.USER, "")) {
            other.setAutoCommit(false);
            transactions.executeWithoutResult(status -> {
                assertThat(watchlist.lockAndCountOthers("ACME")).as("ACME itself not counted").isEqualTo(1);
                assertThat(watchlist.lockAndCountOthers("CLIP")).isEqualTo(2);
                // a concurrent add's lock must wait for this transaction: nowait says so at once
                assertThat(lockNowait(other)).contains("could not obtain lock");
            });
            // the transaction ended, and the lock with it
            assertThat(lockNowait(other)).isNull();
        }
    }

    /** Tries the add's lock on {@code other} without waiting: the refusal's message, or null when it got the lock. */
    private static String lockNowait(Connection other) {
        try (Statement s = other.createStatement()) {
            s.execute("lock table watchlist in share row exclusive mode nowait");
            return null;
        } catch (SQLException e) {
            return e.getMessage();
        } finally {
            try {
                other.rollback();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aRemovalSaysWhetherTheSymbolWasListed() {
        watchlist.upsert("ACME", null);
        watchlist.upsert("BOLT", null);

        assertThat(watchlist.remove("ACME")).isTrue();
        assertThat(watchlist.remove("ACME")).as("not listed any more").isFalse();
        assertThat(watchlist.count()).isEqualTo(1);
        assertThat(watchlist.symbols()).containsExactly("BOLT");
    }
}
