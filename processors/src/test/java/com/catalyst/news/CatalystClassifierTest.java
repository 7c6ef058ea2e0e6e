package com.catalyst.news;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CatalystClassifierTest {

    private final CatalystClassifier classifier = new CatalystClassifier();

    @Test
    void namesEachCatalystClass() {
        assertThat(classifier.classify("Acme Q3 earnings top estimates")).contains("earnings");
        assertThat(classifier.classify("Acme lifts full-year guidance")).contains("guidance");
        assertThat(classifier.classify("FDA clears Acme's heart drug")).contains("fda");
        assertThat(classifier.classify("Acme to acquire Widgets Inc for $2 billion")).contains("merger_acquisition");
        assertThat(classifier.classify("Goldman upgrades Acme to buy")).contains("analyst_rating");
        assertThat(classifier.classify("Acme prices $500 million stock offering")).contains("offering");
        assertThat(classifier.classify("Shareholders file lawsuit against Acme")).contains("legal");
    }

    @Test
    void aHeadlineWithoutACatalystHasNone() {
        assertThat(classifier.classify("Acme to present at industry conference")).isEmpty();
        assertThat(classifier.classify("Stocks drift as investors await Fed minutes")).isEmpty();
        assertThat(classifier.classify("")).isEmpty();
        assertThat(classifier.classify(null)).isEmpty();
    }

    @Test
    void wordsMatchWholeNotInsideOtherWords() {
        // "steps" holds "eps", "profitable" is not "profit", "reacquired" is not "acquired"
        assertThat(classifier.classify("Acme steps up hiring")).isEmpty();
        assertThat(classifier.classify("ACME EPS $1.20 VS $1.05 EST")).contains("earnings");
    }

    @Test
    void theMoreSpecificClassWinsWhenAHeadlineHasTwo() {
        // an FDA decision that also mentions revenue is an FDA catalyst
        assertThat(classifier.classify("FDA approval could add $1 billion in revenue for Acme")).contains("fda");
        // a deal headline that mentions an analyst's price target is still a deal
        assertThat(classifier.classify("Acme agrees to buyout; analysts lift price target")).contains("merger_acquisition");
    }

    @Test
    void classifiesAHandLabelledSampleMostlyRight() {
        List<Object[]> sample = List.of(
                new Object[] {"Apple reports record quarterly revenue of $124 billion", "earnings"},
                new Object[] {"Nike profit falls 20% as inventories pile up", "earnings"},
                new Object[] {"Delta posts first-quarter earnings beat", "earnings"},
                new Object[] {"Netflix EPS misses, subscriber growth slows", "earnings"},
                new Object[] {"Intel cuts outlook for the year on weak PC demand", "guidance"},
                new Object[] {"Walmart raises full-year forecast after strong holiday sales", "guidance"},
                new Object[] {"AMD sees Q4 revenue guidance above consensus", "guidance"},
                new Object[] {"Moderna vaccine wins FDA approval for adolescents", "fda"},
                new Object[] {"Biogen halts phase 3 trial of Alzheimer's drug", "fda"},
                new Object[] {"Vertex reports positive results from clinical trial", "fda"},
                new Object[] {"Microsoft to acquire Activision Blizzard for $69 billion", "merger_acquisition"},
                new Object[] {"Broadcom completes acquisition of VMware", "merger_acquisition"},
                new Object[] {"Shareholders approve merger of Spirit and Frontier", "merger_acquisition"},
                new Object[] {"Private equity firm in takeover talks with Zendesk", "merger_acquisition"},
                new Object[] {"Morgan Stanley downgrades Tesla to equal-weight", "analyst_rating"},
                new Object[] {"Citi initiated coverage of Snowflake with a buy rating", "analyst_rating"},
                new Object[] {"JPMorgan raises Nvidia price target to $600", "analyst_rating"},
                new Object[] {"Barclays upgrades Ford, sees margin recovery", "analyst_rating"},
                new Object[] {"Rivian announces $1.5 billion convertible notes offering", "offering"},
                new Object[] {"AMC raises cash through at-the-market share sale", "offering"},
                new Object[] {"Biotech prices private placement at a discount", "offering"},
                new Object[] {"Meta faces EU investigation over data transfers", "legal"},
                new Object[] {"Apple sued over App Store fees", "legal"},
                new Object[] {"J&J reaches $9 billion talc settlement", "legal"},
                new Object[] {"SEC charges former Nikola CEO with fraud", "legal"},
                new Object[] {"Oil prices rise as OPEC meets", null},
                new Object[] {"Fed holds rates steady, signals patience", null},
                new Object[] {"Tesla shares rally in premarket trade", null},
                // wordings outside the rule lists, on purpose
                new Object[] {"Pfizer's COVID pill cleared by U.S. regulators", "fda"},
                new Object[] {"Exxon to buy Pioneer in $60 billion deal", "merger_acquisition"},
                new Object[] {"Boeing wins $3 billion Air Force tanker deal", null},
                new Object[] {"Alphabet quarterly sales beat Wall Street view", "earnings"});

        int right = 0;
        List<String> wrong = new ArrayList<>();
        for (Object[] item : sample) {
            Optional<String> got = classifier.classify((String) item[0]);
            if (got.orElse(null) == null ? item[1] == null : got.get().equals(item[1])) {
                right++;
            } else {
                wrong.add(item[0] + " -> " + got.orElse("none") + " (expected " + item[1] + ")");
            }
        }
        double accuracy = (double) right / sample.size();
        System.out.printf("CatalystClassifier on %d hand-labelled headlines: accuracy %.3f; misses: %s%n", sample.size(), accuracy, wrong);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.8);
    }

    @Test
    void strengthFollowsTheAbsoluteSentiment() {
        assertThat(CatalystClassifier.strength(0.7)).isEqualTo("very_strong");
        assertThat(CatalystClassifier.strength(-0.66)).isEqualTo("very_strong");
        assertThat(CatalystClassifier.strength(0.65)).isEqualTo("strong");
        assertThat(CatalystClassifier.strength(-0.5)).isEqualTo("strong");
        assertThat(CatalystClassifier.strength(0.49)).isEqualTo("moderate");
        assertThat(CatalystClassifier.strength(0.3)).isEqualTo("moderate");
        assertThat(CatalystClassifier.strength(-0.29)).isEqualTo("weak");
        assertThat(CatalystClassifier.strength(0)).isEqualTo("weak");
    }
}
