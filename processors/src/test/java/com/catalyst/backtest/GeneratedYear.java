package com.catalyst.backtest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import com.catalyst.market.Bar;
import com.catalyst.market.clock.ExchangeCalendar;
import com.catalyst.market.clock.TradingClock;

/**
 * A seeded year of 1-minute bars: {@code symbols} random walks over {@code days} NYSE sessions of 390 bars, prices
 * $20–$200, about 0.08 % a minute of volatility and a million shares a day, so that the scanner's filters let them through.
 */
public final class GeneratedYear {

    private GeneratedYear() {
    }

    public static Map<String, Map<LocalDate, List<Bar>>> bars(int symbols, int days, LocalDate first, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Map<LocalDate, List<Bar>>> all = new TreeMap<>();
        for (int s = 0; s < symbols; s++) {
            String symbol = "GEN" + (char) ('A' + s % 26) + (s / 26 == 0 ? "" : String.valueOf(s / 26));
            double price = 20 + random.nextDouble() * 180;
            Map<LocalDate, List<Bar>> sessions = new TreeMap<>();
            LocalDate date = ExchangeCalendar.onOrAfter(first);
            for (int d = 0; d < days; d++) {
                Instant open = ZonedDateTime.of(date, TradingClock.REGULAR_OPEN, TradingClock.EXCHANGE_ZONE).toInstant();
                List<Bar> bars = new ArrayList<>(390);
                price *= Math.exp(random.nextGaussian() * 0.01); // overnight gap
                for (int m = 1; m <= 390; m++) {
                    double o = price;
                    double c = Math.max(1, o * Math.exp(random.nextGaussian() * 0.0008 + 0.00001));
                    double h = Math.max(o, c) * (1 + random.nextDouble() * 0.0005);
                    double l = Math.min(o, c) * (1 - random.nextDouble() * 0.0005);
                    long v = 1_000 + random.nextInt(4_000) + (m < 30 || m > 360 ? 4_000 : 0);
                    bars.add(new Bar(open.plusSeconds(60L * m), round(o), round(h), round(l), round(c), v));
                    price = c;
                }
                sessions.put(date, bars);
                date = ExchangeCalendar.nextTradingDay(date);
            }
            all.put(symbol, sessions);
        }
        return all;
    }

    private static double round(double price) {
        return Math.round(price * 100) / 100.0;
    }
}
