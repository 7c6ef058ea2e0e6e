package com.catalyst.adapters.alpaca;

import com.catalyst.market.clock.MutableClock;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

import com.catalyst.market.clock.TradingClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A WireMock stub of Alpaca's data and trading hosts on loopback, the payloads as Alpaca documents them
 * (REFERENCE.md 4.8), and a clock the test moves.
 */
final class AlpacaMarketStub implements AutoCloseable {

    static final LocalDate SESSION = LocalDate.of(2026, 12, 8);

    final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-08T15:00:30Z"));

    AlpacaMarketStub() {
        server.start();
    }

    URI url() {
        return URI.create(server.baseUrl());
    }

    /** Three attempts a call with millisecond backoffs, and a limiter that never waits in a test. */
    AlpacaRest rest() {
        return new AlpacaRest("PKTESTKEYID", "s3cr3t", Duration.ofSeconds(2), Duration.ofSeconds(3),
                new AlpacaRest.Retries(3, Duration.ofMillis(10), 2.0, 0.5, Duration.ofMillis(50), Duration.ofSeconds(2)),
                new AlpacaRest.RateLimit(6000, 100, Duration.ofSeconds(1)), wait -> { });
    }

    static Instant regularClose(LocalDate date) {
        return ZonedDateTime.of(date, TradingClock.REGULAR_CLOSE, TradingClock.EXCHANGE_ZONE).toInstant();
    }

    AlpacaMarketRest marketRest() {
        return new AlpacaMarketRest(rest(), url(), url(), AlpacaMarketStub::regularClose);
    }

    /** One bar as Alpaca sends it: {@code t} is its start. */
    static String bar(String start, double open, double high, double low, double close, long volume) {
        return String.format(Locale.ROOT, "{\"t\":\"%s\",\"o\":%s,\"h\":%s,\"l\":%s,\"c\":%s,\"v\":%d,\"n\":%d,\"vw\":%s}",
                start, open, high, low, close, volume, Math.max(1, volume / 100), (high + low + close) / 3);
    }

    /** A daily bar as Alpaca stamps it: midnight New York of its session. */
    static String dailyBar(LocalDate day, double close, long volume) {
        return bar(day.atStartOfDay(TradingClock.EXCHANGE_ZONE).toInstant().toString(), close, close * 1.01, close * 0.99, close, volume);
    }

    /** Minute bar starting {@code minutesAfterOpen} after 09:30 of the session. */
    static String minuteBar(int minutesAfterOpen, double close, long volume) {
        return bar(openOf(SESSION).plusSeconds(60L * minutesAfterOpen).toString(), close, close + 0.1, close - 0.1, close, volume);
    }

    static Instant openOf(LocalDate day) {
        return ZonedDateTime.of(day, TradingClock.REGULAR_OPEN, TradingClock.EXCHANGE_ZONE).toInstant();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** A clock the test sets. */
}
