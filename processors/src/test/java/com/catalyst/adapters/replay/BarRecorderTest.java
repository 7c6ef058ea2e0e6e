package com.catalyst.adapters.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.catalyst.market.Bar;
import com.catalyst.market.BarIssueCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Recorded live bars read back by the replay adapter: the same bars, late and updated ones included. */
class BarRecorderTest {

    static final LocalDate DAY = LocalDate.of(2026, 12, 8);
    static final Instant OPEN = Instant.parse("2026-12-08T14:30:00Z");

    @TempDir
    Path dir;

    static Bar minute(int n, double close, long volume) {
        return new Bar(OPEN.plusSeconds(60L * n), close - 0.05, close + 0.1, close - 0.1, close, volume);
    }

    @Test
    void aRecordedDayReplaysAsTheSameBars() {
        BarRecorder recorder = new BarRecorder(dir);
        List<Bar> aaa = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            aaa.add(minute(n, 100 + n * 0.37, 1000 + n));
        }
        aaa.forEach(b -> recorder.minute("AAA", b));
        recorder.minute("BRK.B", minute(1, 450.125, 300));
        List<Bar> history = List.of(new Bar(Instant.parse("2026-12-04T21:00:00Z"), 99, 101, 98, 100.5, 5_000_000),
                new Bar(Instant.parse("2026-12-07T21:00:00Z"), 100.5, 102, 100, 101.25, 6_000_000));
        recorder.daily("AAA", history);
        recorder.compact();

        ReplayMarket replay = new ReplayMarket(dir, new BarIssueCounts());

        assertThat(replay.intradayBars("AAA", DAY, OPEN.plusSeconds(3600))).containsExactlyElementsOf(aaa);
        assertThat(replay.intradayBars("BRK.B", DAY, OPEN.plusSeconds(3600))).containsExactly(minute(1, 450.125, 300));
        assertThat(replay.dailyBars("AAA", DAY, 20)).containsExactlyElementsOf(history);
        assertThat(replay.malformedRows()).isZero();
    }

    @Test
    void lateAndUpdatedBarsArePutInOrderTheLastOfAMinuteWinning() throws Exception {
        BarRecorder recorder = new BarRecorder(dir);
        recorder.minute("AAA", minute(1, 10, 100));
        recorder.minute("AAA", minute(3, 10.3, 100));
        recorder.minute("AAA", minute(2, 10.2, 100));
        recorder.minute("AAA", minute(3, 10.35, 120));

        recorder.compact();

        BarIssueCounts issues = new BarIssueCounts();
        ReplayMarket replay = new ReplayMarket(dir, issues);
        assertThat(replay.intradayBars("AAA", DAY, OPEN.plusSeconds(3600)))
                .containsExactly(minute(1, 10, 100), minute(2, 10.2, 100), minute(3, 10.35, 120));
        assertThat(issues.snapshot().values()).allMatch(count -> count == 0);
        assertThat(Files.readAllLines(recorder.minuteFile("AAA", DAY))).first().isEqualTo("20261208 143100;9.95;10.1;9.9;10.0;100");
    }
}
