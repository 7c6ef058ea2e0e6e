package com.catalyst.adapters.alpaca;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.catalyst.market.clock.ExchangeCalendar;
import com.catalyst.market.clock.MarketCalendar;
import com.catalyst.market.clock.TradingClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions as Alpaca publishes them ({@code GET /v2/calendar} on the trading host): one entry a trading day with
 * its open and close in New York time, early closes as {@code "close": "13:00"}, holidays and weekends absent.
 * A window of {@link #DAYS_BEFORE} days before today to {@link #DAYS_AFTER} after is read at start-up and kept; it is
 * read again once today comes within {@link #REFRESH_MARGIN_DAYS} of its end, so a failed refresh costs nothing while
 * the kept window still covers today (it is logged, and tried again after {@link #RETRY_AFTER}). A date the window
 * does not cover is answered from the built-in calendar, with a WARN.
 */
public final class AlpacaCalendar implements MarketCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaCalendar.class);

    static final int DAYS_BEFORE = 10;
    static final int DAYS_AFTER = 40;
    static final int REFRESH_MARGIN_DAYS = 20;
    static final Duration RETRY_AFTER = Duration.ofMinutes(10);
    // Alpaca documents "09:30"; "0930" (the shape of its session_open) is read too
    private static final DateTimeFormatter COMPACT_TIME = DateTimeFormatter.ofPattern("HHmm");

    /** The dates read from Alpaca, [from, to], and the sessions among them; a covered date without one does not trade. */
    record Window(LocalDate from, LocalDate to, Map<LocalDate, Session> sessions) {
        boolean covers(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    private final AlpacaRest rest;
    private final URI tradingUrl;
    private final Clock wall;
    private final MarketCalendar fallback;
    private final Set<LocalDate> warnedFallback = ConcurrentHashMap.newKeySet();
    private volatile Window window;
    private volatile Instant nextRefresh = Instant.MIN;

    AlpacaCalendar(AlpacaRest rest, URI tradingUrl, Clock wall, Window window) {
        this.rest = rest;
        this.tradingUrl = tradingUrl;
        this.wall = wall;
        this.fallback = ExchangeCalendar.BUILT_IN;
        this.window = window;
    }

    /**
     * Reads the window around today. Alpaca unreachable, refusing or answering something unreadable stops start-up:
     * without the session hours Catalyst would trade on guessed ones.
     */
    public static AlpacaCalendar load(AlpacaRest rest, URI tradingUrl, Clock wall) {
        LocalDate today = today(wall);
        try {
            return new AlpacaCalendar(rest, tradingUrl, wall, fetch(rest, tradingUrl, today));
        } catch (RuntimeException e) {
            throw new IllegalStateException("catalyst.clock.mode=real with catalyst.market.adapter=alpaca takes the sessions from Alpaca's"
                    + " calendar, and GET /v2/calendar at " + tradingUrl + " failed: " + e.getMessage()
                    + ". Check catalyst.broker.alpaca.url (CATALYST_BROKER_ALPACA_URL, empty for Alpaca's paper host) and the keys"
                    + " ALPACA_API_KEY / ALPACA_SECRET_KEY; Catalyst does not start without the session hours", e);
        }
    }

    @Override
    public Optional<Session> session(LocalDate date) {
        Window current = window;
        if (refreshDue(current)) {
            current = refresh(current);
        }
        if (current.covers(date)) {
            return Optional.ofNullable(current.sessions().get(date));
        }
        if (warnedFallback.add(date)) {
            LOG.warn("Alpaca's calendar as read covers {} to {}, not {}: the built-in NYSE calendar answers for that date",
                    current.from(), current.to(), date);
        }
        return fallback.session(date);
    }

    /** The window as last read (tests, the start-up line). */
    Window window() {
        return window;
    }

    private boolean refreshDue(Window current) {
        LocalDate today = today(wall);
        boolean nearEdge = today.isBefore(current.from()) || today.plusDays(REFRESH_MARGIN_DAYS).isAfter(current.to());
        return nearEdge && !wall.instant().isBefore(nextRefresh);
    }

    private synchronized Window refresh(Window seen) {
        if (window != seen) {
            return window; // another thread refreshed meanwhile
        }
        try {
            Window read = fetch(rest, tradingUrl, today(wall));
            window = read;
            LOG.info("Alpaca's calendar read again: {} sessions from {} to {}", read.sessions().size(), read.from(), read.to());
            return read;
        } catch (RuntimeException e) {
            nextRefresh = wall.instant().plus(RETRY_AFTER);
            LOG.warn("Alpaca's calendar could not be read again ({}); the sessions read before ({} to {}) stay in use, next try in {} min",
                    e.getMessage(), seen.from(), seen.to(), RETRY_AFTER.toMinutes());
            return seen;
        }
    }

    static Window fetch(AlpacaRest rest, URI tradingUrl, LocalDate today) {
        LocalDate from = today.minusDays(DAYS_BEFORE);
        LocalDate to = today.plusDays(DAYS_AFTER);
        JsonNode answer = rest.getJson(tradingUrl, "/v2/calendar?start=" + from + "&end=" + to);
        if (!answer.isArray()) {
            throw new AlpacaRest.UnreadableAnswer("GET /v2/calendar: expected a list of sessions, got " + answer.getNodeType());
        }
        Map<LocalDate, Session> sessions = new HashMap<>();
        for (JsonNode day : answer) {
            Session session = session(day);
            sessions.put(session.date(), session);
        }
        if (sessions.isEmpty()) {
            throw new AlpacaRest.UnreadableAnswer("GET /v2/calendar: no session between " + from + " and " + to);
        }
        return new Window(from, to, Map.copyOf(sessions));
    }

    private static Session session(JsonNode day) {
        String date = day.path("date").asText("");
        try {
            Session session = new Session(LocalDate.parse(date), time(day.path("open").asText("")), time(day.path("close").asText("")));
            if (!session.close().isAfter(session.open())) {
                throw new AlpacaRest.UnreadableAnswer("GET /v2/calendar: " + date + " closes at " + session.close()
                        + ", not after its open " + session.open());
            }
            return session;
        } catch (DateTimeParseException e) {
            throw new AlpacaRest.UnreadableAnswer("GET /v2/calendar: unreadable session " + day + " (date, open and close expected as"
                    + " YYYY-MM-DD and HH:MM)");
        }
    }

    private static LocalTime time(String text) {
        return text.length() == 4 ? LocalTime.parse(text, COMPACT_TIME) : LocalTime.parse(text);
    }

    private static LocalDate today(Clock wall) {
        return wall.instant().atZone(TradingClock.EXCHANGE_ZONE).toLocalDate();
    }
}
