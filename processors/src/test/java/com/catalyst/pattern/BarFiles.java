package com.catalyst.pattern;

import com.catalyst.market.Bar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Test-scope reader of the bar files under data/ (see data/README.md for their formats). Kept here, not
 * shared with the indicator loader, so the pattern tests depend on nothing outside this package.
 */
final class BarFiles {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final LocalTime DAILY_CLOSE = LocalTime.of(16, 0);
    private static final DateTimeFormatter NINJA = DateTimeFormatter.ofPattern("yyyyMMdd HHmmss");

    private BarFiles() {
    }

    /** NinjaTrader minutes: {@code yyyyMMdd HHmmss;open;high;low;close;volume}, UTC bar ends, no header, LF or CRLF. */
    static List<Bar> ninjaTraderMinutes(Path file) throws IOException {
        List<Bar> bars = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String row = line.strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] f = row.split(";");
            bars.add(new Bar(LocalDateTime.parse(f[0], NINJA).toInstant(ZoneOffset.UTC),
                    Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                    Double.parseDouble(f[4]), Long.parseLong(f[5])));
        }
        return bars;
    }

    /**
     * Daily CSV with a header naming Date/Open/High/Low/Close/Volume columns in any order (stocknet, ta4j,
     * Yahoo); blank lines skipped, rows sorted ascending (Yahoo files are newest first). A daily bar ends
     * at the 16:00 New York close.
     */
    static List<Bar> dailyCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).strip().toLowerCase().split(","));
        int date = header.indexOf("date");
        int open = header.indexOf("open");
        int high = header.indexOf("high");
        int low = header.indexOf("low");
        int close = header.indexOf("close");
        int volume = header.indexOf("volume");
        List<Bar> bars = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String row = line.strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] f = row.split(",");
            bars.add(new Bar(LocalDate.parse(f[date]).atTime(DAILY_CLOSE).atZone(NEW_YORK).toInstant(),
                    Double.parseDouble(f[open]), Double.parseDouble(f[high]), Double.parseDouble(f[low]),
                    Double.parseDouble(f[close]), Math.round(Double.parseDouble(f[volume]))));
        }
        bars.sort(Comparator.comparing(Bar::time));
        return bars;
    }
}
