package com.catalyst.adapters.simulated;

import com.catalyst.market.Bar;

import com.catalyst.market.MarketDataPort;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import com.catalyst.adapters.simulated.SimulatedScenario.SymbolProfile;
import com.catalyst.market.clock.ExchangeCalendar;
import com.catalyst.market.clock.TradingClock;

/**
 * A deterministic market of seeded symbols with realistic 1-minute sessions: each day's close is drawn first,
 * the intraday path is a Brownian bridge from the gap open to that close, volume follows the U-shaped intraday
 * profile. Setup days gap up on a catalyst, trend up on two to four times normal volume: the pipeline trades them.
 */
public final class SimulatedMarket implements MarketDataPort {

    // the U-shaped profile for each session length: 390 minutes, 210 on an early close
    private static final Map<Integer, double[]> VOLUME_PROFILES = new ConcurrentHashMap<>();

    private final SimulatedScenario scenario;
    private final Map<String, SymbolProfile> bySymbol = new LinkedHashMap<>();
    // generated sessions of the most recent days only: a long simulated run does not grow without bound
    private final java.util.concurrent.ConcurrentSkipListMap<LocalDate, Map<String, Bar[]>> sessions = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Map<String, Bar> days = new ConcurrentHashMap<>();

    public SimulatedMarket(SimulatedScenario scenario) {
        this.scenario = scenario;
        scenario.profiles().forEach(p -> bySymbol.put(p.symbol(), p));
    }

    @Override
    public List<SecurityInfo> universe() {
        return scenario.profiles().stream().map(p -> new SecurityInfo(p.symbol(), p.name(), p.sectorId(), "SIM")).toList();
    }

    @Override
    public List<Bar> intradayBars(String symbol, LocalDate date, Instant upTo) {
        SymbolProfile profile = bySymbol.get(symbol);
        if (profile == null || !ExchangeCalendar.isTradingDay(date)) {
            return List.of();
        }
        Bar[] session = sessionsOf(date).computeIfAbsent(symbol, k -> generateSession(profile, date));
        int end = upperBound(session, upTo);
        return Arrays.asList(session).subList(0, end);
    }

    @Override
    public List<Bar> dailyBars(String symbol, LocalDate date, int count) {
        SymbolProfile profile = bySymbol.get(symbol);
        if (profile == null) {
            return List.of();
        }
        List<Bar> bars = new ArrayList<>(count);
        LocalDate day = date;
        for (int i = 0; i < count; i++) {
            day = ExchangeCalendar.previousTradingDay(day);
            LocalDate d = day;
            bars.add(days.computeIfAbsent(symbol + '@' + d, k -> dailyBar(profile, d)));
        }
        java.util.Collections.reverse(bars);
        return bars;
    }

    private Map<String, Bar[]> sessionsOf(LocalDate date) {
        Map<String, Bar[]> of = sessions.computeIfAbsent(date, d -> new ConcurrentHashMap<>());
        while (sessions.size() > 2) {
            sessions.pollFirstEntry();
        }
        return of;
    }

    /** Whether the symbol carries the day's setup: the simulated news feed announces a catalyst for it. */
    public boolean isSetup(String symbol, LocalDate date) {
        SymbolProfile profile = bySymbol.get(symbol);
        return profile != null && scenario.isSetup(profile, date);
    }

    private Bar dailyBar(SymbolProfile p, LocalDate day) {
        double open = open(p, day);
        double close = close(p, day);
        SplittableRandom r = scenario.random(p, day, 3);
        double high = Math.max(open, close) * (1 + Math.abs(r.nextGaussian()) * p.dailySigma() * 0.5);
        double low = Math.min(open, close) * (1 - Math.abs(r.nextGaussian()) * p.dailySigma() * 0.5);
        long volume = Math.round(p.averageVolume() * Math.exp(0.3 * r.nextGaussian() - 0.045) * (scenario.isSetup(p, day) ? 3 : 1));
        Instant end = ZonedDateTime.of(day, ExchangeCalendar.close(day), TradingClock.EXCHANGE_ZONE).toInstant();
        return new Bar(end, round(open), round(high), round(low), round(close), Math.max(1, volume));
    }

    /** The day's close: mean-reverting around the profile's price, higher on setup days. */
    private double close(SymbolProfile p, LocalDate day) {
        double anchor = p.basePrice() * Math.exp(0.04 * scenario.random(p, day, 1).nextGaussian());
        if (scenario.isSetup(p, day)) {
            return open(p, day) * (1.04 + 0.05 * scenario.random(p, day, 8).nextDouble());
        }
        return anchor;
    }

    private double open(SymbolProfile p, LocalDate day) {
        // the previous session's actual close: after a setup day that is the setup's close, not the day's anchor
        double previousClose = close(p, ExchangeCalendar.previousTradingDay(day));
        SplittableRandom r = scenario.random(p, day, 2);
        double gap = scenario.isSetup(p, day) ? 0.015 + 0.025 * r.nextDouble() : 0.004 * r.nextGaussian();
        return previousClose * (1 + gap);
    }

    private Bar[] generateSession(SymbolProfile p, LocalDate day) {
        boolean setup = scenario.isSetup(p, day);
        SplittableRandom r = scenario.random(p, day, 4);
        double open = open(p, day);
        double close = close(p, day);
        // an early-close day has 210 bars, its last ending at 13:00
        int n = (int) java.time.Duration.between(TradingClock.REGULAR_OPEN, ExchangeCalendar.close(day)).toMinutes();
        double[] volumeProfile = VOLUME_PROFILES.computeIfAbsent(n, SimulatedMarket::volumeProfile);
        double minuteSigma = p.dailySigma() / Math.sqrt(n);
        // a Brownian bridge in log price from the open to the day's close
        double[] walk = new double[n + 1];
        for (int i = 1; i <= n; i++) {
            walk[i] = walk[i - 1] + minuteSigma * r.nextGaussian();
        }
        double logOpen = Math.log(open);
        double logClose = Math.log(close);
        Instant sessionOpen = ZonedDateTime.of(day, TradingClock.REGULAR_OPEN, TradingClock.EXCHANGE_ZONE).toInstant();
        double relativeVolume = setup ? 2 + 2 * r.nextDouble() : Math.exp(0.25 * r.nextGaussian());
        Bar[] bars = new Bar[n];
        double previous = open;
        for (int i = 1; i <= n; i++) {
            double t = (double) i / n;
            double price = Math.exp(logOpen + t * (logClose - logOpen) + walk[i] - t * walk[n]);
            double barOpen = previous;
            double high = Math.max(barOpen, price) * (1 + Math.abs(r.nextGaussian()) * minuteSigma * 0.5);
            double low = Math.min(barOpen, price) * (1 - Math.abs(r.nextGaussian()) * minuteSigma * 0.5);
            long volume = Math.max(100, Math.round(p.averageVolume() * volumeProfile[i - 1] * relativeVolume * Math.exp(0.35 * r.nextGaussian() - 0.06)));
            bars[i - 1] = new Bar(sessionOpen.plusSeconds(60L * i), round(barOpen), round(high), round(low), round(price), volume);
            previous = price;
        }
        return bars;
    }

    /** Index after the last bar whose end is at or before {@code upTo}. */
    private static int upperBound(Bar[] session, Instant upTo) {
        int lo = 0;
        int hi = session.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (session[mid].time().isAfter(upTo)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Share of the day's volume traded in each minute: heavy at the open and the close, light at midday. */
    private static double[] volumeProfile(int minutes) {
        double[] weights = new double[minutes];
        double sum = 0;
        for (int i = 0; i < minutes; i++) {
            double x = (i + 0.5) / minutes;
            weights[i] = 1 + 3 * Math.pow(2 * x - 1, 4) + 2 * Math.exp(-x * 40);
            sum += weights[i];
        }
        for (int i = 0; i < minutes; i++) {
            weights[i] /= sum;
        }
        return weights;
    }

    private static double round(double price) {
        return Math.round(price * 10_000) / 10_000.0;
    }
}
