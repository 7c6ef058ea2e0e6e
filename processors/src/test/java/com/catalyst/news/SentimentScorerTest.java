package com.catalyst.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SentimentScorerTest {

    private final SentimentScorer scorer = new SentimentScorer();

    @Test
    void positiveWordsScorePositive() {
        assertThat(scorer.score("Acme beats estimates")).isEqualTo(0.5);          // 1 / (1 + 1)
        assertThat(scorer.score("Acme beats estimates, raises outlook")).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void negativeWordsScoreNegative() {
        assertThat(scorer.score("Acme misses estimates")).isEqualTo(-0.5);
        assertThat(scorer.score("Acme faces lawsuit and probe after recall")).isEqualTo(-0.75);
    }

    @Test
    void mixedNewsNetsOut() {
        assertThat(scorer.score("Acme beats on revenue but cuts guidance")).isZero();
        assertThat(scorer.score("Strong quarter, record sales, one weak region")).isCloseTo(0.25, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aNegationFlipsTheNextWord() {
        assertThat(scorer.score("Acme did not beat estimates")).isEqualTo(-0.5);
        assertThat(scorer.score("Acme reports no loss this quarter")).isEqualTo(0.5);
        assertThat(scorer.score("Trial fails approval")).isEqualTo(-0.5);
        // only the word right after the negation
        assertThat(scorer.score("not today: Acme beats")).isEqualTo(0.5);
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        assertThat(scorer.score("ACME UPGRADED!!!")).isEqualTo(scorer.score("acme upgraded"));
        assertThat(scorer.score("Acme upgraded.")).isEqualTo(0.5);
    }

    @Test
    void emptyOrWordlessTextIsNeutral() {
        assertThat(scorer.score(null)).isZero();
        assertThat(scorer.score("")).isZero();
        assertThat(scorer.score("   ")).isZero();
        assertThat(scorer.score("Acme to present at conference")).isZero();
    }

    @Test
    void scoresStayWithinMinusOneAndOne() {
        String many = "beat ".repeat(50);
        assertThat(scorer.score(many)).isLessThan(1).isGreaterThan(0.95);
        assertThat(scorer.score("loss ".repeat(50))).isGreaterThan(-1).isLessThan(-0.95);
    }

    @Test
    void labelsFollowTheSchemaThresholds() {
        assertThat(SentimentScorer.label(-1)).isEqualTo("very_negative");
        assertThat(SentimentScorer.label(-0.5)).isEqualTo("very_negative");
        assertThat(SentimentScorer.label(-0.49)).isEqualTo("negative");
        assertThat(SentimentScorer.label(-0.11)).isEqualTo("negative");
        assertThat(SentimentScorer.label(-0.1)).isEqualTo("neutral");
        assertThat(SentimentScorer.label(0)).isEqualTo("neutral");
        assertThat(SentimentScorer.label(0.1)).isEqualTo("neutral");
        assertThat(SentimentScorer.label(0.11)).isEqualTo("positive");
        assertThat(SentimentScorer.label(0.49)).isEqualTo("positive");
        assertThat(SentimentScorer.label(0.5)).isEqualTo("very_positive");
        assertThat(SentimentScorer.label(1)).isEqualTo("very_positive");
    }

    /**
     * The labelled validation split of twitter-financial-news-sentiment (0 Bearish, 1 Bullish, 2 Neutral). A word list
     * abstains on most items; where it does call a direction it must beat chance on the bullish/bearish split.
     */
    @Test
    void callsTheDirectionOfLabelledFinanceHeadlinesBetterThanChance() throws IOException {
        List<String[]> rows = readCsv(Path.of("data/twitter-financial-news-sentiment/sent_valid.csv"));
        assertThat(rows).hasSize(2_388);

        int called = 0;
        int right = 0;
        int directional = 0;
        for (String[] row : rows) {
            int label = Integer.parseInt(row[1].trim());
            if (label == 2) {
                continue; // neutral items say nothing about direction
            }
            directional++;
            double score = scorer.score(row[0]);
            if (score == 0) {
                continue; // the scorer abstains
            }
            called++;
            boolean bullish = score > 0;
            if (bullish == (label == 1)) {
                right++;
            }
        }
        double accuracy = (double) right / called;
        System.out.printf("SentimentScorer on sent_valid.csv: %d bullish/bearish items, called %d (%.1f %%), accuracy %.3f%n",
                directional, called, 100.0 * called / directional, accuracy);
        assertThat(directional).isEqualTo(347 + 475);
        assertThat(called).as("the scorer calls a direction on a useful share").isGreaterThan(directional / 5);
        assertThat(accuracy).isGreaterThan(0.6);
    }

    /** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. Skips the header. */
    static List<String[]> readCsv(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                rows.add(fields.toArray(String[]::new));
                fields.clear();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(fields.toArray(String[]::new));
        }
        return rows.subList(1, rows.size());
    }
}
