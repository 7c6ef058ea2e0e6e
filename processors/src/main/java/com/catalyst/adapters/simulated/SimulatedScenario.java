package com.catalyst.adapters.simulated;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The seeded world shared by the simulated market and the simulated news feed: the symbols, their profiles, and
 * which symbols carry a setup (a catalyst, a gap and a trend) on which day. Same seed, same world, every run.
 */
public final class SimulatedScenario {

    /** Share of the universe that carries a tradeable setup on a given day. */
    static final double SETUP_SHARE = 0.03;

    private final long seed;
    private final List<SymbolProfile> profiles;

    public SimulatedScenario(long seed, int symbolCount) {
        if (symbolCount < 1) {
            throw new IllegalArgumentException("symbol count must be positive, got " + symbolCount);
        }
        this.seed = seed;
        this.profiles = generateProfiles(seed, symbolCount);
    }

    public long seed() {
        return seed;
    }

    public List<SymbolProfile> profiles() {
        return profiles;
    }

    /** True when {@code profile} is one of the day's setups. */
    public boolean isSetup(SymbolProfile profile, LocalDate date) {
        return random(profile, date, 7).nextDouble() < SETUP_SHARE;
    }

    /** A generator that depends only on the seed, the symbol, the day and the stream's purpose. */
    SplittableRandom random(SymbolProfile profile, LocalDate date, int purpose) {
        long mixed = seed * 0x9E3779B97F4A7C15L + profile.index() * 0xC2B2AE3D27D4EB4FL + date.toEpochDay() * 0x165667B19E3779F9L + purpose;
        return new SplittableRandom(mixed);
    }

    private static List<SymbolProfile> generateProfiles(long seed, int count) {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> taken = new HashSet<>();
        List<SymbolProfile> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String symbol;
            do {
                int length = 3 + random.nextInt(2);
                StringBuilder sb = new StringBuilder(length);
                for (int c = 0; c < length; c++) {
                    sb.append((char) ('A' + random.nextInt(26)));
                }
                symbol = sb.toString();
            } while (!taken.add(symbol));
            // prices log-uniform between $3 and $600, average daily volume log-uniform between 150k and 60M shares
            double price = Math.exp(Math.log(3) + random.nextDouble() * (Math.log(600) - Math.log(3)));
            long volume = (long) Math.exp(Math.log(150_000) + random.nextDouble() * (Math.log(60_000_000) - Math.log(150_000)));
            double dailySigma = 0.01 + random.nextDouble() * 0.025;
            int sector = 1 + random.nextInt(11);
            result.add(new SymbolProfile(i, symbol, "Simulated " + symbol + " Corp", sector, price, volume, dailySigma));
        }
        return List.copyOf(result);
    }

    /** A simulated company: where its price and volume sit and how much it moves. */
    public record SymbolProfile(int index, String symbol, String name, int sectorId, double basePrice, long averageVolume,
                                double dailySigma) {
    }
}
