package com.catalyst.adapters.alpaca;

import java.time.LocalDate;
import java.util.List;

import com.catalyst.adapters.alpaca.AlpacaMarketRest.Snapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotRankingTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 8);

    @Test
    void theMostMoneyTradedRanksFirstAndAGapLiftsAStock() {
        List<Snapshot> snapshots = List.of(
                new Snapshot("BIG", TODAY, 100, 100, 1_000_000, 100),       // 100M, no gap
                new Snapshot("GAPPER", TODAY, 11, 11, 4_000_000, 10),       // 44M, 10 % gap: x3 = 132M
                new Snapshot("SMALL", TODAY, 5, 5, 100_000, 5),             // 0.5M
                new Snapshot("NOTRADE", TODAY, 5, 5, 0, 5));

        assertThat(SnapshotRanking.top(snapshots, TODAY, 3)).containsExactly("GAPPER", "BIG", "SMALL");
        assertThat(SnapshotRanking.top(snapshots, TODAY, 1)).containsExactly("GAPPER");
    }

    @Test
    void beforeTheOpenYesterdaysBarRanksOnItsMoneyAloneAndHugeGapsAreCapped() {
        LocalDate yesterday = TODAY.minusDays(1);
        // yesterday's bar: its open/previous close is not today's gap
        assertThat(SnapshotRanking.score(new Snapshot("A", yesterday, 20, 10, 1000, 10), TODAY)).isEqualTo(10_000);
        // a 300 % gap counts as 20 %: x5
        assertThat(SnapshotRanking.score(new Snapshot("B", TODAY, 40, 10, 1000, 10), TODAY)).isEqualTo(50_000);
        assertThat(SnapshotRanking.score(new Snapshot("C", TODAY, 10, 10, 1000, Double.NaN), TODAY)).isEqualTo(10_000);
    }
}
