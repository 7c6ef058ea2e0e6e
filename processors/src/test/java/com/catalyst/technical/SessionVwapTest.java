package com.catalyst.technical;

import com.catalyst.market.Bar;
import com.catalyst.technical.reference.DataSetSeries;
import com.catalyst.technical.reference.NamedSeries;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Session VWAP against a straightforward recomputation: for each bar, sum typical price x volume and volume over
 * all bars of the same New York calendar day up to it, from scratch. ta4j's VWAP is a rolling N-bar window, so it is
 * not the reference here.
 */
class SessionVwapTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void matchesAFromScratchSumOverEachNewYorkDayOnEveryMinuteBar() {
        for (NamedSeries named : DataSetSeries.pyalgotradeMinutes()) {
            SessionVwap vwap = new SessionVwap(NEW_YORK);
            List<Bar> today = new ArrayList<>();
            LocalDate day = null;
            Agreement agreement = Agreement.toNineDigits(named.name());
            for (int i = 0; i < named.bars().size(); i++) {
                Bar bar = named.bars().get(i);
                LocalDate barDay = bar.time().atZone(NEW_YORK).toLocalDate();
                if (!barDay.equals(day)) {
                    today.clear();
                    day = barDay;
                }
                today.add(bar);
                agreement.expect("VWAP", i, vwap.update(bar), fromScratch(today));
            }
            agreement.assertAgreed();
            assertThat(agreement.compared("VWAP")).isEqualTo(named.bars().size());
        }
    }

    @Test
    void doesNotResetAtUtcMidnightButAtNewYorkMidnight() {
        SessionVwap vwap = new SessionVwap(NEW_YORK);
        // 2011-01-31 19:59 and 20:00 ET are 2011-02-01 00:59 and 01:00 UTC: still the same New York day
        vwap.update(bar("2011-01-31T23:50:00Z", 100, 10));
        double sameDay = vwap.update(bar("2011-02-01T01:00:00Z", 110, 30));
        assertThat(sameDay).isCloseTo((100 * 10 + 110 * 30) / 40.0, within(1e-12));
        // 09:31 ET on 2011-02-01 starts a new session
        assertThat(vwap.update(bar("2011-02-01T14:31:00Z", 120, 5))).isEqualTo(120);
    }

    @Test
    void followsTheDaylightSavingChange() {
        SessionVwap vwap = new SessionVwap(NEW_YORK);
        // 2011-03-13 is 23 hours long in New York: 03:59 UTC on the 14th is still the 13th, 04:00 UTC is not
        vwap.update(bar("2011-03-13T05:00:00Z", 100, 10));
        assertThat(vwap.update(bar("2011-03-14T03:59:00Z", 200, 10))).isEqualTo(150);
        assertThat(vwap.update(bar("2011-03-14T04:00:00Z", 300, 10))).isEqualTo(300);
    }

    @Test
    void isUndefinedUntilASessionHasVolume() {
        SessionVwap vwap = new SessionVwap(NEW_YORK);
        assertThat(vwap.value()).isNaN();
        assertThat(vwap.update(bar("2011-03-14T13:31:00Z", 100, 0))).isNaN();
        assertThat(vwap.update(bar("2011-03-14T13:32:00Z", 101, 7))).isEqualTo(101);
    }

    private static double fromScratch(List<Bar> bars) {
        double priceVolume = 0;
        double volume = 0;
        for (Bar bar : bars) {
            priceVolume += (bar.high() + bar.low() + bar.close()) / 3 * bar.volume();
            volume += bar.volume();
        }
        return priceVolume / volume;
    }

    private static Bar bar(String time, double price, long volume) {
        return new Bar(Instant.parse(time), price, price, price, price, volume);
    }
}
