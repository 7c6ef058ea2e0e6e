package com.catalyst.adapters.alpaca.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import com.catalyst.adapters.alpaca.AlpacaMarketRest;
import com.catalyst.adapters.alpaca.AlpacaMarketRest.Snapshot;
import com.catalyst.adapters.alpaca.SnapshotRanking;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Snapshot scan benchmark, run by bench/stream/snapshots.sh; docs/alpaca-market-data.md records its output. The
 * ranking of the universe: 10,000 snapshots as Alpaca answers them (latest trade and quote, minute, daily and previous
 * daily bar each), in 20 answers of 500 (the default snapshot-batch), parsed and ranked to the top 200.
 * Printed: the median after warm-up, its ratio to a 1 s budget (ranking runs every 15 minutes on the refresh thread,
 * so 1 s keeps it far from delaying a refresh of 60 s) and its ratio to Jackson's tree parse of the same bytes alone
 * (the baseline: what reading the answers costs before Catalyst does anything with them).
 */
public final class SnapshotScanBenchmark {

    private static final int SYMBOLS = 10_000;
    private static final int BATCH = 500;
    private static final int TOP = 200;
    private static final double BUDGET_SECONDS = 1.0;
    private static final LocalDate SESSION = LocalDate.of(2026, 12, 8);
    private static final int WARMUP = 10;
    private static final int RUNS = 15;

    private static volatile long sink;

    public static void main(String[] args) throws Exception {
        System.out.printf("java %s, %d cores, max heap %d MB, load average at start %.2f%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<byte[]> answers = answers(new Random(20261208L));
        long bytes = answers.stream().mapToLong(a -> a.length).sum();
        System.out.printf("input: %,d snapshots in %d answers of %d, %.1f MB of JSON%n", SYMBOLS, answers.size(), BATCH, bytes / 1e6);
        ObjectMapper json = new ObjectMapper();

        double baseline = median(() -> {
            long n = 0;
            for (byte[] answer : answers) {
                n += json.readTree(answer).size();
            }
            return n;
        });
        double scan = median(() -> {
            List<Snapshot> all = new ArrayList<>(SYMBOLS);
            for (byte[] answer : answers) {
                all.addAll(AlpacaMarketRest.parseSnapshots(json.readTree(answer)));
            }
            return SnapshotRanking.top(all, SESSION, TOP).size();
        });
        System.out.printf("baseline, Jackson tree parse only: %8.1f ms%n", baseline * 1e3);
        System.out.printf("snapshot scan (parse + read + rank top %d): %8.1f ms = %.3f of the %.0f s budget, %.2fx the baseline%n",
                TOP, scan * 1e3, scan / BUDGET_SECONDS, BUDGET_SECONDS, scan / baseline);
    }

    interface Work {
        long run() throws Exception;
    }

    /** Median seconds of {@link #RUNS} runs after {@link #WARMUP} unmeasured ones. */
    private static double median(Work work) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            sink += work.run();
        }
        double[] seconds = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            sink += work.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        return seconds[RUNS / 2];
    }

    /** Answers of {@link #BATCH} snapshots shaped as Alpaca's (field names and nesting of /v2/stocks/snapshots). */
    private static List<byte[]> answers(Random random) {
        List<byte[]> answers = new ArrayList<>();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < SYMBOLS; i++) {
            if (i % BATCH == 0) {
                s.setLength(0);
                s.append('{');
            } else {
                s.append(',');
            }
            double prev = 2 + random.nextDouble() * 300;
            double open = prev * (1 + random.nextGaussian() * 0.03);
            double close = open * (1 + random.nextGaussian() * 0.02);
            long volume = (long) Math.exp(8 + random.nextDouble() * 9);
            s.append(String.format(Locale.ROOT, "\"S%04d\":{"
                    + "\"latestTrade\":{\"t\":\"2026-12-08T15:00:01.123456789Z\",\"x\":\"V\",\"p\":%.2f,\"s\":100,\"c\":[\"@\"],\"i\":%d,\"z\":\"C\"},"
                    + "\"latestQuote\":{\"t\":\"2026-12-08T15:00:01.223456789Z\",\"ax\":\"V\",\"ap\":%.2f,\"as\":2,\"bx\":\"V\",\"bp\":%.2f,\"bs\":3,\"c\":[\"R\"],\"z\":\"C\"},"
                    + "\"minuteBar\":{\"t\":\"2026-12-08T14:59:00Z\",\"o\":%.2f,\"h\":%.2f,\"l\":%.2f,\"c\":%.2f,\"v\":%d,\"n\":%d,\"vw\":%.4f},"
                    + "\"dailyBar\":{\"t\":\"2026-12-08T05:00:00Z\",\"o\":%.2f,\"h\":%.2f,\"l\":%.2f,\"c\":%.2f,\"v\":%d,\"n\":%d,\"vw\":%.4f},"
                    + "\"prevDailyBar\":{\"t\":\"2026-12-07T05:00:00Z\",\"o\":%.2f,\"h\":%.2f,\"l\":%.2f,\"c\":%.2f,\"v\":%d,\"n\":%d,\"vw\":%.4f}}",
                    i, close, 52983525029461L + i, close + 0.01, close - 0.01,
                    close, close * 1.001, close * 0.999, close, volume / 390, volume / 39_000 + 1, close,
                    open, Math.max(open, close) * 1.01, Math.min(open, close) * 0.99, close, volume, volume / 100 + 1, (open + close) / 2,
                    prev, prev * 1.01, prev * 0.99, prev, volume, volume / 100 + 1, prev));
            if (i % BATCH == BATCH - 1 || i == SYMBOLS - 1) {
                answers.add(s.append('}').toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return answers;
    }
}
