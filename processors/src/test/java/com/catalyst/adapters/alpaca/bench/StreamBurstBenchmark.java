package com.catalyst.adapters.alpaca.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import com.catalyst.adapters.alpaca.MarketStreamMessage;
import com.catalyst.adapters.alpaca.MarketStreamParser;
import com.catalyst.market.Bar;
import com.catalyst.market.BarIssueCounts;
import com.catalyst.market.BarSanitizer;
import com.catalyst.technical.IndicatorSet;
import com.catalyst.technical.TechnicalStage;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The minute burst of Alpaca's SIP stream with {@code bars: ["*"]}, run by bench/stream/run.sh (bench/stream/README.md):
 * 10,000 symbols' minute bars arrive just after the minute mark as JSON-array messages; each is parsed with the
 * stream's own {@link MarketStreamParser}, every bar checked by its symbol's {@link BarSanitizer} and folded into its
 * symbol's {@link IndicatorSet} (the technical stage's settings), one incremental step a symbol. Every symbol's
 * indicators are pre-warmed with 300 minutes of the session first. One thread, as the stream's socket reads.
 * <p>
 * Each run is the next minute's burst; the figure is the median of the measured runs after untimed warm-up runs.
 */
public final class StreamBurstBenchmark {

    private static final int SYMBOLS = 10_000;
    private static final int WARM_MINUTES = 300;
    private static final int WARM_UP_RUNS = 5;
    private static final int MEASURED_RUNS = 15;
    /** Bars a message: Alpaca batches a burst into arrays; ~100 bars make ~13 KB messages. */
    private static final int BARS_PER_MESSAGE = 100;
    private static final double MINUTE_MS = 60_000;
    private static final double AIM_MS = 250;
    private static final Instant SESSION_OPEN = Instant.parse("2026-12-07T14:30:00Z");

    public static void main(String[] args) {
        System.out.printf("java %s, %d cores, max heap %d MB, load average at start %.2f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        String[] symbols = symbols();
        double[] price = new double[SYMBOLS];
        Random random = new Random(13);
        Arrays.setAll(price, i -> 5 + random.nextDouble() * 400);

        Map<String, SymbolState> states = new HashMap<>(SYMBOLS * 2);
        for (String symbol : symbols) {
            states.put(symbol, new SymbolState(new BarSanitizer(new BarIssueCounts()), new IndicatorSet(TechnicalStage.SETTINGS)));
        }
        long start = System.nanoTime();
        for (int minute = 0; minute < WARM_MINUTES; minute++) {
            for (int s = 0; s < SYMBOLS; s++) {
                Bar bar = nextBar(price, s, minute, random);
                SymbolState state = states.get(symbols[s]);
                state.sanitizer.check(bar).bar().ifPresent(state.indicators::update);
            }
        }
        System.out.printf("pre-warmed %,d symbols with %d minutes each in %.1f s%n", SYMBOLS, WARM_MINUTES,
                (System.nanoTime() - start) / 1e9);

        int runs = WARM_UP_RUNS + MEASURED_RUNS;
        List<List<String>> bursts = new ArrayList<>(runs);
        for (int run = 0; run < runs; run++) {
            bursts.add(burst(symbols, price, WARM_MINUTES + run, random));
        }
        List<String> first = bursts.get(0);
        long bytes = first.stream().mapToLong(String::length).sum();
        System.out.printf("a burst: %,d bars in %,d messages of %d bars, %,d KB (%,d bytes a message)%n", SYMBOLS, first.size(),
                BARS_PER_MESSAGE, bytes >> 10, bytes / first.size());

        MarketStreamParser parser = new MarketStreamParser(new ObjectMapper());
        double[] all = new double[MEASURED_RUNS];
        double[] parseOnly = new double[MEASURED_RUNS];
        long folded = 0;
        for (int run = 0; run < runs; run++) {
            List<String> burst = bursts.get(run);
            long t0 = System.nanoTime();
            long n = 0;
            for (String message : burst) {
                for (MarketStreamMessage entry : parser.parse(message)) {
                    if (entry instanceof MarketStreamMessage.BarMessage bar) {
                        SymbolState state = states.get(bar.symbol());
                        var clean = state.sanitizer.check(bar.bar()).bar();
                        if (clean.isPresent()) {
                            state.indicators.update(clean.get());
                            n++;
                        }
                    }
                }
            }
            long t1 = System.nanoTime();
            // the parse alone, on the same messages (already folded: only read again)
            long p0 = System.nanoTime();
            int parsed = 0;
            for (String message : burst) {
                parsed += parser.parse(message).size();
            }
            long p1 = System.nanoTime();
            if (parsed != SYMBOLS || n != SYMBOLS) {
                throw new IllegalStateException("a burst must fold every symbol once: parsed " + parsed + ", folded " + n);
            }
            if (run >= WARM_UP_RUNS) {
                all[run - WARM_UP_RUNS] = (t1 - t0) / 1e6;
                parseOnly[run - WARM_UP_RUNS] = (p1 - p0) / 1e6;
                folded += n;
            }
        }
        double median = median(all);
        System.out.printf("%nburst of %,d bars: parse + sanitize + fold into the indicators, median of %d runs after %d warm-up runs:%n",
                SYMBOLS, MEASURED_RUNS, WARM_UP_RUNS);
        System.out.printf("  %8.1f ms  (%.0f ns a bar; runs from %.1f to %.1f ms; of it the parse alone %.1f ms)%n", median,
                median * 1e6 / SYMBOLS, Arrays.stream(all).min().orElseThrow(), Arrays.stream(all).max().orElseThrow(), median(parseOnly));
        System.out.printf("  ratio to the 60 s minute: %.5f (%.3f %% of the minute)%n", median / MINUTE_MS, 100 * median / MINUTE_MS);
        System.out.printf("  ratio to the 250 ms aim:  %.3f (%s)%n", median / AIM_MS, median <= AIM_MS ? "within the aim" : "OVER the aim");
        System.out.printf("  (%,d bars folded in the measured runs)%n", folded);
    }

    private record SymbolState(BarSanitizer sanitizer, IndicatorSet indicators) {
    }

    /** Ticker-like names: A, B, …, AA, AB, … (10,000 of them, up to 3 letters). */
    private static String[] symbols() {
        String[] symbols = new String[SYMBOLS];
        for (int i = 0; i < SYMBOLS; i++) {
            StringBuilder name = new StringBuilder();
            int n = i;
            do {
                name.insert(0, (char) ('A' + n % 26));
                n = n / 26 - 1;
            } while (n >= 0);
            symbols[i] = name.toString();
        }
        return symbols;
    }

    /** The bar of minute {@code minute} of symbol {@code s}: a random walk, stamped with its end. */
    private static Bar nextBar(double[] price, int s, int minute, Random random) {
        double open = price[s];
        double close = Math.max(0.5, open * (1 + random.nextGaussian() * 0.002));
        double high = Math.max(open, close) * (1 + random.nextDouble() * 0.001);
        double low = Math.min(open, close) * (1 - random.nextDouble() * 0.001);
        price[s] = close;
        return new Bar(SESSION_OPEN.plus(Duration.ofMinutes(minute + 1L)), open, high, low, close, 100 + random.nextInt(50_000));
    }

    /** One minute's burst as Alpaca sends it: arrays of {@code T=b} entries, stamped with the bar's start. */
    private static List<String> burst(String[] symbols, double[] price, int minute, Random random) {
        List<String> messages = new ArrayList<>(SYMBOLS / BARS_PER_MESSAGE + 1);
        StringBuilder message = new StringBuilder(BARS_PER_MESSAGE * 140);
        for (int s = 0; s < SYMBOLS; s++) {
            Bar bar = nextBar(price, s, minute, random);
            message.append(message.length() == 0 ? "[" : ",");
            message.append(String.format(Locale.ROOT, "{\"T\":\"b\",\"S\":\"%s\",\"o\":%.4f,\"h\":%.4f,\"l\":%.4f,\"c\":%.4f,"
                            + "\"v\":%d,\"n\":%d,\"vw\":%.6f,\"t\":\"%s\"}", symbols[s], bar.open(), bar.high(), bar.low(), bar.close(),
                    bar.volume(), 1 + bar.volume() / 100, bar.typicalPrice(), bar.time().minus(Duration.ofMinutes(1))));
            if ((s + 1) % BARS_PER_MESSAGE == 0 || s == SYMBOLS - 1) {
                messages.add(message.append(']').toString());
                message.setLength(0);
            }
        }
        return messages;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
