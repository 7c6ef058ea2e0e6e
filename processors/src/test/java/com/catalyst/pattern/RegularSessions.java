package com.catalyst.pattern;

import com.catalyst.market.Bar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Splits minute bars into New York regular sessions: bar ends from 09:31 to 16:00 ET (bar times are
 * bar ends), converted per bar so the 2011-03-13 DST change lands right.
 */
final class RegularSessions {

    private static final LocalTime FIRST_BAR_END = LocalTime.of(9, 31);
    private static final LocalTime LAST_BAR_END = LocalTime.of(16, 0);

    private RegularSessions() {
    }

    static List<List<Bar>> of(List<Bar> minutes) {
        Map<LocalDate, List<Bar>> sessions = new TreeMap<>();
        for (Bar bar : minutes) {
            ZonedDateTime end = bar.time().atZone(BarFiles.NEW_YORK);
            LocalTime time = end.toLocalTime();
            if (!time.isBefore(FIRST_BAR_END) && !time.isAfter(LAST_BAR_END)) {
                sessions.computeIfAbsent(end.toLocalDate(), day -> new ArrayList<>()).add(bar);
            }
        }
        return new ArrayList<>(sessions.values());
    }
}
