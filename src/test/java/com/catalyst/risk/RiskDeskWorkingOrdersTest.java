package com.catalyst.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.catalyst.market.MarketDataPort;
import com.catalyst.testsupport.SteppedTradingClock;
import com.catalyst.testsupport.YamlRouteTestSupport;
import com.catalyst.trading.OrderType;
import com.catalyst.trading.OrderSide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The working orders risk counts against its limits: of the record's working orders that are no leg
 * (RiskRepository.workingOrders), the entries only, a long's buy and a short's sell to open, a cycle's or a trader's; an
 * exit still working, whichever its side, is not an entry and counts for nothing.
 */
class RiskDeskWorkingOrdersTest extends YamlRouteTestSupport {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);

    private final SteppedTradingClock clock = new SteppedTradingClock(DAY, SteppedTradingClock.at(DAY, 11, 0));
    private final RiskDesk desk = new RiskDesk(new RiskLimitsBook(PROPS.risk().limits(),
            () -> new SessionTime(clock.isMarketOpen(), clock.minutesSinceOpen(), clock.minutesToClose()),
            mock(RiskLimitChangeRepository.class), JSON),
            PROPS, JSON, clock, mock(MarketDataPort.class));

    @Override
    protected List<String> routeFiles() {
        return List.of();
    }

    private static RecordedOrder row(String clientOrderId, OrderSide side, int remaining) {
        return new RecordedOrder(clientOrderId, "AAA", side, OrderType.LIMIT, remaining, new BigDecimal("20.00"), null);
    }

    @Test
    void onlyEntriesCountAndAShortsSellToOpenCountsAsAShort() {
        List<WorkingOrder> counted = desk.workingOrders(List.of(
                row("CAT-20261207-004-AAA-buy", OrderSide.BUY, 100),
                row("CAT-20261207-004-BBB-sell", OrderSide.SELL, 50),
                row("CAT-MAN-0123456789abcdef0123456789abcdef", OrderSide.SELL, 30),
                row("CAT-MAN-fedcba9876543210fedcba9876543210", OrderSide.BUY, 20),
                row("CAT-EXIT-7", OrderSide.SELL, 40),
                row("CAT-EXIT-8-2", OrderSide.BUY, 60)));

        assertThat(counted).extracting(WorkingOrder::clientOrderId).containsExactly("CAT-20261207-004-AAA-buy", "CAT-20261207-004-BBB-sell",
                "CAT-MAN-0123456789abcdef0123456789abcdef", "CAT-MAN-fedcba9876543210fedcba9876543210");
        assertThat(counted).extracting(WorkingOrder::shortEntry).containsExactly(false, true, true, false);
        assertThat(counted).extracting(WorkingOrder::remainingQuantity).containsExactly(100, 50, 30, 20);
    }
}
