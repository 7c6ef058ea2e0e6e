package com.catalyst.news;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Names the catalyst a headline reports: earnings, guidance, FDA, M&A, analyst rating change, offering or legal. */
public final class CatalystClassifier {

    private static final Map<String, Pattern> RULES = new LinkedHashMap<>();

    static {
        // order matters: the first match wins, most specific first
        RULES.put("fda", Pattern.compile("\\b(fda|clinical trial|phase (1|2|3|i|ii|iii)|drug approval)\\b"));
        RULES.put("merger_acquisition", Pattern.compile("\\b(merger|acquire[sd]?|acquisition|buyout|takeover|to be acquired)\\b"));
        RULES.put("offering", Pattern.compile("\\b(offering|share sale|dilution|private placement)\\b"));
        RULES.put("legal", Pattern.compile("\\b(lawsuit|sues|sued|settlement|probe|investigation|sec charges|infringement)\\b"));
        RULES.put("analyst_rating", Pattern.compile("\\b(upgrade[sd]?|downgrade[sd]?|reiterated|initiated|price target|outperform|underperform)\\b"));
        RULES.put("guidance", Pattern.compile("\\b(guidance|outlook|forecast)\\b"));
        RULES.put("earnings", Pattern.compile("\\b(earnings|eps|quarterly results|revenue|profit)\\b"));
    }

    public Optional<String> classify(String headline) {
        if (headline == null) {
            return Optional.empty();
        }
        String text = headline.toLowerCase(Locale.ROOT);
        return RULES.entrySet().stream().filter(e -> e.getValue().matcher(text).find()).map(Map.Entry::getKey).findFirst();
    }

    /** v5.0's strength labels from the absolute sentiment of the item. */
    public static String strength(double sentiment) {
        double a = Math.abs(sentiment);
        if (a >= 0.66) return "very_strong";
        if (a >= 0.5) return "strong";
        if (a >= 0.3) return "moderate";
        return "weak";
    }
}
