package com.catalyst.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import com.catalyst.market.BarIssue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input ends a run at once with what is missing; good input is read, session minutes only, every bar checked. */
class BacktestDataTest {

    static final Path DATA = Path.of("data/pyalgotrade");

    @TempDir
    Path dir;

    @Test
    void anUnknownSymbolIsNamedWithTheSymbolsThereAre() {
        assertThatThrownBy(() -> BacktestData.fromDirectory(DATA, List.of("SPY", "NOPE"), null, null))
                .isInstanceOf(BacktestInputException.class)
                .hasMessageContaining("unknown symbol NOPE").hasMessageContaining("has bars for SPY");
    }

    @Test
    void aRangeWithoutBarsNamesTheRangeAndWhatTheDataCovers() {
        assertThatThrownBy(() -> BacktestData.fromDirectory(DATA, List.of("SPY"), LocalDate.of(2011, 2, 2), LocalDate.of(2011, 2, 28)))
                .isInstanceOf(BacktestInputException.class)
                .hasMessageContaining("no bars between 2011-02-02 and 2011-02-28 for SPY")
                .hasMessageContaining("2011-01-03 to 2011-03-31");
    }

    @Test
    void aRangeSelectsItsSessionsAndKeepsEarlierOnesAsHistory() {
        BacktestData march = BacktestData.fromDirectory(DATA, List.of("SPY"), LocalDate.of(2011, 3, 1), null);
        assertThat(march.sessions()).hasSize(23).first().isEqualTo(LocalDate.of(2011, 3, 1));
        assertThat(march.barsInRange()).isEqualTo(23 * 390);
        assertThat(march.market().dailyBars("SPY", LocalDate.of(2011, 3, 1), 20)).hasSize(20);
    }

    @Test
    void aMissingFolderOrFileIsNamed() {
        assertThatThrownBy(() -> BacktestData.fromDirectory(dir.resolve("nothing"), List.of(), null, null))
                .isInstanceOf(BacktestInputException.class).hasMessageContaining("nothing").hasMessageContaining("does not exist");
        assertThatThrownBy(() -> BacktestData.fromFile(dir.resolve("bars.csv"), List.of(), null, null))
                .isInstanceOf(BacktestInputException.class).hasMessageContaining("bars.csv").hasMessageContaining("does not exist");
    }

    @Test
    void aMalformedRowNamesTheFileTheLineAndTheField() throws IOException {
        assertThatThrownBy(() -> BacktestData.fromFile(file("a.csv", BarFileReader.HEADER, "SPY,2011-01-03T14:31:00Z,1,2,0.5,1.5,100",
                "SPY,2011-01-03T14:32:00Z,1,2,0.5,1.5"), List.of(), null, null))
                .isInstanceOf(BacktestInputException.class).hasMessageContaining("a.csv line 3: expected 7 fields");
        assertThatThrownBy(() -> BacktestData.fromFile(file("b.csv", BarFileReader.HEADER, "SPY,2011-01-03T14:31:00Z,1,two,0.5,1.5,100"),
                List.of(), null, null))
                .isInstanceOf(BacktestInputException.class).hasMessageContaining("b.csv line 2: high is not a number");
        assertThatThrownBy(() -> BacktestData.fromFile(file("c.csv", BarFileReader.HEADER, "SPY,03/01/2011 09:31,1,2,0.5,1.5,100"),
                List.of(), null, null))
                .isInstanceOf(BacktestInputException.class).hasMessageContaining("c.csv line 2: time is not ISO-8601");
        assertThatThrownBy(() -> BacktestData.fromFile(file("d.csv", "date,open,high,low,close"), List.of(), null, null))
                .isInstanceOf(BacktestInputException.class).hasMessageContaining("d.csv line 1: expected the header " + BarFileReader.HEADER);
        assertThatThrownBy(() -> BacktestData.fromFile(file("e.csv"), List.of(), null, null))
                .isInstanceOf(BacktestInputException.class).hasMessageContaining("e.csv: the file is empty");
        assertThatThrownBy(() -> BacktestData.fromFile(file("spy.csv", "20110103 143100;1;2;0.5;1.5;100"), List.of(), null, null))
                .isInstanceOf(BacktestInputException.class).hasMessageContaining("symbol cannot be told from the file name");
    }

    @Test
    void aFileOfOnlyOutOfSessionBarsHasNothingToReplay() throws IOException {
        Path f = file("night.csv", BarFileReader.HEADER, "SPY,2011-01-03T03:00:00Z,1,2,0.5,1.5,100");
        assertThatThrownBy(() -> BacktestData.fromFile(f, List.of(), null, null))
                .isInstanceOf(BacktestInputException.class).hasMessageContaining("no regular-session 1-minute bars");
    }

    @Test
    void catalystCsvAndNinjaTraderFilesAreRead() throws IOException {
        // 09:31 and 09:32 New York (14:31, 14:32 UTC in January), a pre-market bar dropped, a zero-volume bar rejected
        BacktestData csv = BacktestData.fromFile(file("bars.csv", BarFileReader.HEADER,
                "spy,2011-01-03T14:31:00Z,127.0,127.2,126.9,127.1,1000",
                "SPY,2011-01-03T14:32:00+00:00,127.1,127.3,127.0,127.2,900",
                "SPY,2011-01-03T14:33:00Z,127.2,127.3,127.0,127.2,0",
                "SPY,2011-01-03T12:00:00Z,127.0,127.2,126.9,127.1,1000",
                "QQQ,2011-01-03T14:31:00Z,55.0,55.2,54.9,55.1,500"), List.of("SPY"), null, null);
        assertThat(csv.symbols()).containsExactly("SPY");
        assertThat(csv.barsInRange()).isEqualTo(2);
        assertThat(csv.issues().count(BarIssue.ZERO_VOLUME)).isEqualTo(1);
        BacktestData nt = BacktestData.fromFile(file("nt-spy-minute-x.csv", "20110103 143100;127.0;127.2;126.9;127.1;1000"), List.of(), null, null);
        assertThat(nt.symbols()).containsExactly("SPY");
        assertThat(nt.market().session("SPY", LocalDate.of(2011, 1, 3))).hasSize(1);
    }

    private Path file(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
