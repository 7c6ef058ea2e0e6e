package com.catalyst.pattern;

import com.catalyst.market.Bar;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BarFilesTest {

    @Test
    void readsCrlfNinjaTraderMinutesIntoThe20JanuarySessions() throws Exception {
        List<List<Bar>> sessions = RegularSessions.of(BarFiles.ninjaTraderMinutes(Path.of("data/pyalgotrade/nt-spy-minute-2011.csv")));

        assertThat(sessions).hasSize(20).allSatisfy(session -> assertThat(session).hasSize(390));
    }

    @Test
    void marchSessionsSurviveTheDaylightSavingChange() throws Exception {
        List<List<Bar>> sessions = RegularSessions.of(BarFiles.ninjaTraderMinutes(Path.of("data/pyalgotrade/nt-spy-minute-2011-03.csv")));

        assertThat(sessions).hasSize(23).allSatisfy(session -> assertThat(session).hasSize(390));
        // data/README.md: 20110309 143100 is the 09:30-09:31 ET bar, close 132.35
        Bar opening = sessions.stream().map(s -> s.get(0))
                .filter(b -> b.time().equals(Instant.parse("2011-03-09T14:31:00Z"))).findFirst().orElseThrow();
        assertThat(opening.close()).isEqualTo(132.35);
    }

    @Test
    void readsDailyFilesAscendingWhateverTheirOrderAndTrailingBlankLines() throws Exception {
        List<Bar> spy = BarFiles.dailyCsv(Path.of("data/pyalgotrade/spy-2011-yahoofinance.csv"));
        List<Bar> aapl = BarFiles.dailyCsv(Path.of("data/stocknet/price/raw/AAPL.csv"));
        List<Bar> ta4j = BarFiles.dailyCsv(Path.of("data/ta4j/AAPL-PT1D-20130102_20131231.csv"));

        assertThat(spy.get(0).time()).isBefore(spy.get(spy.size() - 1).time());
        assertThat(aapl).hasSize(1258);
        assertThat(aapl.get(0).open()).isEqualTo(95.108574);
        assertThat(ta4j).hasSize(252);
        assertThat(ta4j.get(0).close()).isEqualTo(549.03);
    }
}
