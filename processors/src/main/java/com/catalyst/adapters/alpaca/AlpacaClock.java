package com.catalyst.adapters.alpaca;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.catalyst.market.clock.MarketCalendar;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.market.clock.WallClock;
import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real time on Alpaca's calendar ({@code catalyst.market.adapter=alpaca}, {@code catalyst.clock.mode=real}): the
 * sessions, early closes and holidays come from {@code GET /v2/calendar} ({@link AlpacaCalendar}), so the no-entry
 * window and the end-of-day flatten follow the close Alpaca publishes. At start-up Alpaca's own answer
 * ({@code GET /v2/clock}'s {@code is_open}) is compared with the calendar's, and a disagreement is a WARN.
 */
public final class AlpacaClock implements TradingClock {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaClock.class);

    private final WallClock time;
    private final AlpacaCalendar calendar;

    AlpacaClock(Clock wall, AlpacaCalendar calendar) {
        this.time = new WallClock(wall, calendar);
        this.calendar = calendar;
    }

    /**
     * Reads the calendar (refusing to start when it cannot: {@link AlpacaCalendar#load}) and checks it against
     * {@code /v2/clock}.
     *
     * @param tradingUrl the trading host: {@code AlpacaTradingMode.resolve(...).baseUrl()}, the paper host unless live
     */
    public static AlpacaClock start(AlpacaRest rest, URI tradingUrl, Clock wall) {
        AlpacaClock clock = new AlpacaClock(wall, AlpacaCalendar.load(rest, tradingUrl, wall));
        AlpacaCalendar.Window window = clock.calendar.window();
        MarketCalendar.Session today = clock.session();
        LOG.info("Clock: real time on Alpaca's calendar from {} ({} sessions {} to {}); today {} {}", tradingUrl, window.sessions().size(),
                window.from(), window.to(), today.date(), clock.calendar.isTradingDay(today.date())
                        ? today.open() + "–" + today.close() + (today.earlyClose() ? " (early close)" : "") : "has no session");
        clock.compareWithAlpacaClock(rest, tradingUrl);
        return clock;
    }

    /** Whether {@code /v2/clock} and the calendar agree on open or closed at Alpaca's timestamp; a WARN when not. */
    boolean compareWithAlpacaClock(AlpacaRest rest, URI tradingUrl) {
        try {
            JsonNode answer = rest.getJson(tradingUrl, "/v2/clock");
            if (!answer.path("is_open").isBoolean() || !answer.path("timestamp").isTextual()) {
                LOG.warn("GET /v2/clock at {} answered without is_open and timestamp ({}); the calendar alone says when the market is open",
                        tradingUrl, answer);
                return false;
            }
            boolean alpacaOpen = answer.path("is_open").booleanValue();
            Instant at = OffsetDateTime.parse(answer.path("timestamp").asText()).toInstant();
            boolean calendarOpen = new WallClock(Clock.fixed(at, java.time.ZoneOffset.UTC), calendar).isMarketOpen();
            if (alpacaOpen != calendarOpen) {
                LOG.warn("Alpaca's clock says the market is {} at {} but its calendar says {}: a halt or a change of hours? The calendar"
                                + " decides the no-entry window and the flatten (next_open {}, next_close {})",
                        alpacaOpen ? "open" : "closed", at, calendarOpen ? "open" : "closed", answer.path("next_open").asText(),
                        answer.path("next_close").asText());
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warn("GET /v2/clock at {} failed ({}); the calendar alone says when the market is open", tradingUrl,
                    e instanceof DateTimeParseException ? "unreadable timestamp" : e.getMessage());
            return false;
        }
    }

    @Override
    public Instant now() {
        return time.now();
    }

    @Override
    public LocalDate sessionDate() {
        return time.sessionDate();
    }

    @Override
    public boolean isMarketOpen() {
        return time.isMarketOpen();
    }

    @Override
    public MarketCalendar calendar() {
        return calendar;
    }
}
