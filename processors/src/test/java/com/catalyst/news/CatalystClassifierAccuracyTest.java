package com.catalyst.news;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The classifier against 35 hand-labelled headlines, 5 for each of the 7 catalyst classes
 * (data/news-labelled/catalysts.csv). It prints the accuracy overall and per class, and the misses.
 */
class CatalystClassifierAccuracyTest {

    record Labelled(String expected, String headline) {
    }

    static List<Labelled> labelled() throws Exception {
        List<Labelled> rows = new ArrayList<>();
        try (BufferedReader in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of("data/news-labelled/catalysts.csv"),
                StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.split("\\|", 2);
                    rows.add(new Labelled(parts[0], parts[1]));
                }
            }
        }
        return rows;
    }

    @Test
    void classifiesTheLabelledHeadlines() throws Exception {
        CatalystClassifier classifier = new CatalystClassifier();
        List<Labelled> rows = labelled();
        Map<String, int[]> perClass = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        int right = 0;
        for (Labelled row : rows) {
            String got = classifier.classify(row.headline()).orElse("none");
            int[] tally = perClass.computeIfAbsent(row.expected(), k -> new int[2]);
            tally[1]++;
            if (got.equals(row.expected())) {
                right++;
                tally[0]++;
            } else {
                misses.add(row.expected() + " → " + got + ": " + row.headline());
            }
        }
        double accuracy = (double) right / rows.size();
        System.out.printf("catalyst classifier: %d/%d = %.1f%% accurate%n", right, rows.size(), accuracy * 100);
        perClass.forEach((k, t) -> System.out.printf("  %-20s %d/%d%n", k, t[0], t[1]));
        misses.forEach(m -> System.out.println("  miss " + m));

        assertThat(rows).hasSize(35);
        assertThat(perClass).hasSize(7);
        assertThat(accuracy).as("accuracy on the hand-labelled set; misses: %s", misses).isGreaterThanOrEqualTo(0.8);
    }
}
