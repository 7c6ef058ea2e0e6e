package com.catalyst.scanner;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.catalyst.config.CatalystProperties;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.MarketDataPort.SecurityInfo;
import com.catalyst.routing.ErrorBodies.ConflictException;
import com.catalyst.routing.ErrorBodies.FieldException;
import com.catalyst.routing.ErrorBodies.NotFoundException;
import com.catalyst.routing.RequestParameters;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trader's watchlist: symbols every scan ranks even when its filters drop them (MarketScanner). The book checks
 * what is added and holds the list's bound; its table's statements are {@link WatchlistRepository}'s. A symbol is added only when it is a ticker (the one rule of {@link RequestParameters})
 * the market data knows ({@link MarketDataPort#knows}: in the universe, or for Alpaca's ranked universe any tradable
 * asset, which the market then keeps in its universe), so that a typo is refused at once instead of never showing up.
 */
@Component("watchlistBook")
public class WatchlistBook {

    /** The longest note kept beside a symbol. */
    public static final int MAX_NOTE = 200;

    /** One watched symbol; {@code name} is the company name from the securities master (third-party text). */
    public record Entry(String symbol, String name, String note, Instant addedAt) {
    }

    /** The body of {@code POST /api/v1/scanner/watchlist}. */
    public record Addition(String symbol, String note) {
    }

    /** What an add answers: the entry, and whether it is new ({@code false}: it was listed already; a note given replaced its note). */
    public record Added(String symbol, String name, String note, Instant addedAt, boolean added) {
    }

    /** What a removal answers. */
    public record Removed(String symbol, boolean removed, int remaining) {
    }

    private final WatchlistRepository watchlist;
    private final TransactionTemplate transactions;
    private final MarketDataPort market;
    private final RequestParameters parameters;
    private final int maxSymbols;

    public WatchlistBook(WatchlistRepository watchlist, PlatformTransactionManager transactions, MarketDataPort market, RequestParameters parameters,
                         CatalystProperties props) {
        this.watchlist = watchlist;
        this.transactions = new TransactionTemplate(transactions);
        this.market = market;
        this.parameters = parameters;
        this.maxSymbols = props.scanner().watchlistMaxSymbols();
        // a ranked universe (Alpaca's) keeps the watched symbols beside its top, read at each of its refreshes
        market.keepInUniverse(this::symbols);
    }

    /** Every watched symbol, alphabetically. */
    public List<Entry> list() {
        return watchlist.list();
    }

    /** The symbols alone, for the scanner. */
    public List<String> symbols() {
        return watchlist.symbols();
    }

    /**
     * Adds a symbol (400 naming {@code symbol} or {@code note} when either is wrong, 409 when the list is full); adding a
     * listed one again keeps its date and replaces its note when a note is given.
     */
    public Added add(Addition addition) {
        if (addition == null) {
            throw new FieldException("body", "a JSON object is required: {\"symbol\": \"AAPL\", \"note\": \"optional\"}");
        }
        if (addition.symbol() == null || addition.symbol().isBlank()) {
            throw new FieldException("symbol", "'symbol' is required: the ticker to watch, e.g. AAPL");
        }
        String symbol = parameters.symbol(addition.symbol());
        String note = note(addition.note());
        if (!market.knows(symbol)) {
            throw new FieldException("symbol", "'symbol' " + symbol + " is unknown to the market data (not in its universe of "
                    + market.universe().size() + " symbols, nor one it can add): no scan could ever rank it");
        }
        String name = market.universe().stream().filter(s -> s.symbol().equals(symbol)).map(SecurityInfo::name).findFirst().orElse(null);
        return transactions.execute(status -> {
            // one add at a time counts the list: the lock makes "at most N" hold for concurrent adds too
            int count = watchlist.lockAndCountOthers(symbol);
            if (count >= maxSymbols) {
                throw new ConflictException("the watchlist holds " + count + " symbols, its most (catalyst.scanner.watchlist-max-symbols): "
                        + "remove one first", Map.of("max_symbols", maxSymbols));
            }
            WatchlistRepository.Stored stored = watchlist.upsert(symbol, note);
            return new Added(symbol, name, stored.note(), stored.addedAt(), stored.inserted());
        });
    }

    /** Removes a symbol: 400 naming {@code symbol} for a malformed one, 404 when it is not listed. */
    public Removed remove(String value) {
        String symbol = parameters.symbol(value);
        if (!watchlist.remove(symbol)) {
            throw new NotFoundException(symbol + " is not on the watchlist; GET /api/v1/scanner/watchlist lists it");
        }
        return new Removed(symbol, true, watchlist.count());
    }

    private static String note(String note) {
        if (note == null) {
            return null;
        }
        String trimmed = note.strip();
        if (trimmed.length() > MAX_NOTE) {
            throw new FieldException("note", "'note' must be at most " + MAX_NOTE + " characters, got " + trimmed.length());
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c))) {
            throw new FieldException("note", "'note' must be one line of text without control characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }
}
