package com.catalyst.scanner;

import java.time.Instant;
import java.util.List;

import com.catalyst.scanner.WatchlistBook.Entry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one owner of {@code watchlist}: every statement on the table is here, and {@link WatchlistBook} (the checks of a
 * symbol and a note, the list's bound) calls it as the bean {@code watchlistRepository}. An add is three statements in
 * one transaction, which the book holds: {@link #lockAndCountOthers} takes the table's lock for the rest of it, so that
 * the bound holds for concurrent adds too, then {@link #upsert} writes the row.
 */
@Repository("watchlistRepository")
public class WatchlistRepository {

    static final String LIST = "select w.symbol, coalesce(s.name, s.company_name) as name, w.note, w.added_at from watchlist w"
            + " left join securities s on s.symbol = w.symbol order by w.symbol";
    static final String SYMBOLS = "select symbol from watchlist order by symbol";
    static final String LOCK = "lock table watchlist in share row exclusive mode";
    static final String COUNT_OTHERS = "select count(*) from watchlist where symbol <> :symbol";
    /** {@code xmax = 0} only on a row this statement inserted: whether the symbol is new to the list. */
    static final String UPSERT = "insert into watchlist (symbol, note) values (:symbol, :note) on conflict (symbol) do update"
            + " set note = coalesce(excluded.note, watchlist.note) returning note, added_at, (xmax = 0) as inserted";
    static final String DELETE = "delete from watchlist where symbol = :symbol";
    static final String COUNT = "select count(*) from watchlist";

    /** What an add left on the list: the note kept, the date the symbol was first added, and whether this add inserted it. */
    public record Stored(String note, Instant addedAt, boolean inserted) {
    }

    private final JdbcClient jdbc;

    public WatchlistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every watched symbol with its company name from the securities master (null when it has none), alphabetically. */
    public List<Entry> list() {
        return jdbc.sql(LIST).query((rs, i) -> new Entry(rs.getString("symbol"), rs.getString("name"), rs.getString("note"),
                rs.getTimestamp("added_at").toInstant())).list();
    }

    /** The watched symbols alone, alphabetically. */
    public List<String> symbols() {
        return jdbc.sql(SYMBOLS).query(String.class).list();
    }

    /**
     * Locks the table against other adds until the caller's transaction ends, and counts the symbols listed other than
     * {@code symbol}. Only meaningful inside a transaction: outside one the lock ends with the statement.
     */
    public int lockAndCountOthers(String symbol) {
        jdbc.sql(LOCK).update();
        return jdbc.sql(COUNT_OTHERS).param("symbol", symbol).query(Integer.class).single();
    }

    /** Adds {@code symbol}, or keeps its row and replaces its note when {@code note} is not null. */
    public Stored upsert(String symbol, String note) {
        return jdbc.sql(UPSERT).param("symbol", symbol).param("note", note).query((rs, i) -> new Stored(rs.getString("note"),
                rs.getTimestamp("added_at").toInstant(), rs.getBoolean("inserted"))).single();
    }

    /** Removes {@code symbol}; whether it was listed. */
    public boolean remove(String symbol) {
        return jdbc.sql(DELETE).param("symbol", symbol).update() > 0;
    }

    /** How many symbols are listed. */
    public int count() {
        return jdbc.sql(COUNT).query(Integer.class).single();
    }
}
