package com.catalyst.scanner;

/** The scanner's filters: price range, minimum 20-day average volume, and the momentum look-back in 1-minute bars. */
public record ScannerSettings(double minPrice, double maxPrice, long minAverageVolume, int momentumBars) {

    public ScannerSettings {
        if (minPrice <= 0 || maxPrice <= minPrice) {
            throw new IllegalArgumentException("scanner price range must satisfy 0 < min-price < max-price, got " + minPrice + "–" + maxPrice);
        }
        if (momentumBars < 2) {
            throw new IllegalArgumentException("scanner momentum-bars must be at least 2, got " + momentumBars);
        }
    }
}
