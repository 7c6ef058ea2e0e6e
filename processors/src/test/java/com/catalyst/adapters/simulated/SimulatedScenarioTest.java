package com.catalyst.adapters.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.catalyst.adapters.simulated.SimulatedScenario.SymbolProfile;
import com.catalyst.market.clock.ExchangeCalendar;

class SimulatedScenarioTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Test
    void sameSeedGivesTheSameWorld() {
        SimulatedScenario a = new SimulatedScenario(42, 200);
        SimulatedScenario b = new SimulatedScenario(42, 200);
        assertThat(a.profiles()).isEqualTo(b.profiles());
        for (int i = 0; i < 200; i++) {
            assertThat(a.isSetup(a.profiles().get(i), DAY)).isEqualTo(b.isSetup(b.profiles().get(i), DAY));
        }
    }

    @Test
    void differentSeedsGiveDifferentWorlds() {
        List<String> a = new SimulatedScenario(1, 50).profiles().stream().map(SymbolProfile::symbol).toList();
        List<String> b = new SimulatedScenario(2, 50).profiles().stream().map(SymbolProfile::symbol).toList();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void symbolsAreDistinctUppercaseTickers() {
        SimulatedScenario scenario = new SimulatedScenario(7, 2_000);
        Set<String> symbols = new HashSet<>();
        for (SymbolProfile p : scenario.profiles()) {
            assertThat(p.symbol()).matches("[A-Z]{3,4}");
            symbols.add(p.symbol());
        }
        assertThat(symbols).hasSize(2_000);
    }

    @Test
    void profilesSitInTheirDocumentedRanges() {
        SimulatedScenario scenario = new SimulatedScenario(7, 1_000);
        for (int i = 0; i < scenario.profiles().size(); i++) {
            SymbolProfile p = scenario.profiles().get(i);
            assertThat(p.index()).isEqualTo(i);
            assertThat(p.basePrice()).isBetween(3.0, 600.0);
            assertThat(p.averageVolume()).isBetween(150_000L, 60_000_000L);
            assertThat(p.dailySigma()).isBetween(0.01, 0.035);
            assertThat(p.sectorId()).isBetween(1, 11);
        }
    }

    @Test
    void aboutThreePercentOfTheUniverseCarriesASetupEachDay() {
        SimulatedScenario scenario = new SimulatedScenario(11, 1_000);
        int setups = 0;
        int cells = 0;
        LocalDate day = DAY;
        for (int d = 0; d < 20; d++, day = ExchangeCalendar.nextTradingDay(day)) {
            int today = 0;
            for (SymbolProfile p : scenario.profiles()) {
                if (scenario.isSetup(p, day)) {
                    today++;
                }
            }
            // each day on its own: not none, not a crowd
            assertThat(today).isBetween(10, 55);
            setups += today;
            cells += scenario.profiles().size();
        }
        assertThat((double) setups / cells).isBetween(0.025, 0.035);
    }

    @Test
    void setupsChangeFromDayToDay() {
        SimulatedScenario scenario = new SimulatedScenario(11, 1_000);
        LocalDate next = ExchangeCalendar.nextTradingDay(DAY);
        Set<String> first = new HashSet<>();
        Set<String> second = new HashSet<>();
        for (SymbolProfile p : scenario.profiles()) {
            if (scenario.isSetup(p, DAY)) first.add(p.symbol());
            if (scenario.isSetup(p, next)) second.add(p.symbol());
        }
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void refusesAnEmptyUniverse() {
        assertThatThrownBy(() -> new SimulatedScenario(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symbol count must be positive");
    }
}
