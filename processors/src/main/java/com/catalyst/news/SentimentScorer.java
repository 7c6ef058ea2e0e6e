package com.catalyst.news;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finance-tuned word-list sentiment in [-1, 1]: (positive hits − negative hits) / (hits + 1), with a few negations.
 * The lists follow the idea of Loughran and McDonald's finance dictionary (general-purpose lists misread words such as
 * "liability" or "tax"), written down here in short for the headline vocabulary the pipeline sees.
 */
public final class SentimentScorer {

    private static final Pattern WORD = Pattern.compile("[^a-z0-9$%-]+");
    private static final Set<String> POSITIVE = Set.of(
            "beat", "beats", "raise", "raises", "raised", "upgrade", "upgraded", "approval", "approved", "wins", "win", "record",
            "surge", "surges", "soars", "jumps", "growth", "strong", "outperform", "buy", "bullish", "premium", "higher",
            "expands", "exceeds", "tops", "profit", "breakthrough", "partnership", "contract", "acquired", "boost");
    private static final Set<String> NEGATIVE = Set.of(
            "miss", "misses", "missed", "cut", "cuts", "downgrade", "downgraded", "lawsuit", "sues", "probe", "investigation",
            "recall", "weak", "loss", "losses", "plunge", "plunges", "falls", "drops", "sell", "bearish", "lower", "offering",
            "dilution", "bankruptcy", "fraud", "delay", "delays", "warning", "layoffs", "decline", "infringement", "halted");
    private static final Set<String> NEGATIONS = Set.of("not", "no", "never", "without", "fails", "failed");

    public double score(String text) {
        if (text == null || text.isBlank()) {
            return 0.0;
        }
        String[] words = WORD.split(text.toLowerCase(Locale.ROOT));
        int positive = 0;
        int negative = 0;
        for (int i = 0; i < words.length; i++) {
            boolean negated = i > 0 && NEGATIONS.contains(words[i - 1]);
            if (POSITIVE.contains(words[i])) {
                if (negated) negative++; else positive++;
            } else if (NEGATIVE.contains(words[i])) {
                if (negated) positive++; else negative++;
            }
        }
        return (double) (positive - negative) / (positive + negative + 1);
    }

    /** The v5.0 schema's five labels. */
    public static String label(double score) {
        if (score <= -0.5) return "very_negative";
        if (score < -0.1) return "negative";
        if (score <= 0.1) return "neutral";
        if (score < 0.5) return "positive";
        return "very_positive";
    }
}
