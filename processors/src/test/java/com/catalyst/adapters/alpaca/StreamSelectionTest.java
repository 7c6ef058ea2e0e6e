package com.catalyst.adapters.alpaca;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StreamSelectionTest {

    final List<String> survivors = IntStream.range(0, 40).mapToObj(i -> "S" + i).toList();

    @Test
    void onIexPositionsComeFirstThenSurvivorsByRankUpToTheLimitEachOnce() {
        List<String> chosen = new StreamSelection(false, 30).choose(List.of("pos1", "S3"), survivors);

        assertThat(chosen).hasSize(30).startsWith("POS1", "S3", "S0", "S1", "S2", "S4").doesNotHaveDuplicates().doesNotContain("S29");
    }

    @Test
    void positionsAreNeverCrowdedOutBySurvivors() {
        List<String> positions = IntStream.range(0, 5).mapToObj(i -> "P" + i).toList();
        assertThat(new StreamSelection(false, 6).choose(positions, survivors)).containsExactly("P0", "P1", "P2", "P3", "P4", "S0");
    }

    @Test
    void onSipEverySymbolIsStreamed() {
        assertThat(new StreamSelection(true, 30).choose(List.of("AAPL"), survivors)).containsExactly("*");
    }
}
