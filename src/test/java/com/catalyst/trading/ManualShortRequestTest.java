package com.catalyst.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.catalyst.config.CatalystProperties;
import com.catalyst.market.MarketDataPort;
import com.catalyst.market.clock.TradingClock;
import com.catalyst.risk.RiskCheck;
import com.catalyst.risk.RiskCheckDesk;
import com.catalyst.risk.RiskDecision;
import com.catalyst.risk.RiskRequest;
import com.catalyst.routing.ErrorBodies.FieldException;
import com.catalyst.routing.RequestParameters;
import com.catalyst.workflow.CycleDesk;
import com.catalyst.risk.Verdict;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A trader's short, as the request checks take it ({@code POST /api/v1/risk/check}: RiskCheckDesk; {@code POST
 * /api/v1/trading/orders}: ManualOrderDesk): side short opens a short only while shorts are on, a plain sell is never
 * taken for an entry, a short's stop must be above the price judged at, and an approved short becomes a sell to open
 * with the bracket risk inverted.
 */
class ManualShortRequestTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final double LAST = 40.0;

    private final MarketDataPort market = mock(MarketDataPort.class);
    private final TradingClock clock = mock(TradingClock.class);
    private final CycleDesk cycles = mock(CycleDesk.class);

    ManualShortRequestTest() {
        when(market.universe()).thenReturn(List.of(new MarketDataPort.SecurityInfo("AAA", "A Corp", 1, "NYSE")));
        when(market.lastPrice(eq("AAA"), any(), any())).thenReturn(LAST);
        when(market.intradayBars(eq("AAA"), any(), any())).thenReturn(List.of());
        when(clock.sessionDate()).thenReturn(DAY);
        when(clock.now()).thenReturn(Instant.parse("2026-12-07T16:00:00Z"));
        when(cycles.mode()).thenReturn("normal");
    }

    private RiskCheckDesk checks(boolean allowShort) {
        return new RiskCheckDesk(market, clock, cycles, new RequestParameters(), allowShort);
    }

    private ManualOrderDesk orders(boolean allowShort) {
        CatalystProperties props = mock(CatalystProperties.class);
        CatalystProperties.Trading trading = mock(CatalystProperties.Trading.class);
        when(props.trading()).thenReturn(trading);
        when(trading.limitPriceBand()).thenReturn(0.10);
        return new ManualOrderDesk(checks(allowShort), mock(ExitPlanner.class), mock(com.catalyst.risk.RiskRepository.class), props);
    }

    private static RiskCheck check(String side, String stop) {
        return new RiskCheck("AAA", side, null, stop == null ? null : new BigDecimal(stop), 10);
    }

    private static ManualOrder order(String side) {
        return new ManualOrder("aaa", side, 10, null, null, "trader-short-1", null, null);
    }

    @Test
    void aShortCheckWithShortsOnIsProposedAsAShortAtTheLastPrice() {
        RiskRequest request = checks(true).request(check("short", "41.00"));

        assertThat(request.proposals()).singleElement().satisfies(p -> {
            assertThat(p.side()).isEqualTo("short");
            assertThat(p.entryPrice()).isEqualByComparingTo(BigDecimal.valueOf(LAST));
            assertThat(p.stopPrice()).isEqualByComparingTo("41.00");
        });
        assertThat(checks(true).request(check("buy", "39.00")).proposals().get(0).side()).isEqualTo("long");
    }

    @Test
    void aShortWhileShortsAreOffIsA400NamingTheSideAndTheSetting() {
        assertThatThrownBy(() -> checks(false).request(check("short", "41.00")))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("side"))
                .hasMessageContaining("catalyst.trading.allow-short");
        assertThatThrownBy(() -> orders(false).validate(order("short"), null))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("side"))
                .hasMessageContaining("catalyst.trading.allow-short");
    }

    @Test
    void aShortsStopAtOrBelowThePriceJudgedAtIsA400NamingTheStop() {
        for (String stop : List.of("39.99", "40.00", "0")) {
            assertThatThrownBy(() -> checks(true).request(check("short", stop)))
                    .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("stop_price"))
                    .hasMessageContaining("above the last price 40.0 of AAA for a short entry");
        }
        // a long's stop above the price is refused as before
        assertThatThrownBy(() -> checks(true).request(check("buy", "41.00")))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("stop_price"));
    }

    @Test
    void aSellIsNeverTakenForAnEntryWhetherShortsAreOnOrOff() {
        for (boolean allowShort : List.of(true, false)) {
            assertThatThrownBy(() -> orders(allowShort).validate(order("sell"), null))
                    .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("side"))
                    .hasMessageContaining("DELETE /api/v1/trading/positions/{symbol}").hasMessageContaining("'side':'short'");
            assertThatThrownBy(() -> checks(allowShort).request(check("sell", null)))
                    .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("side"));
        }
        assertThatThrownBy(() -> orders(true).validate(order("sideways"), null))
                .isInstanceOfSatisfying(FieldException.class, e -> assertThat(e.field()).isEqualTo("side"))
                .hasMessageContaining("got 'sideways'");
    }

    @Test
    void aShortOrderIsCheckedAsAShortAndAnApprovalBecomesASellToOpenWithTheBracketInverted() {
        ManualOrderDesk desk = orders(true);
        ManualOrder order = desk.validate(order(" Short "), null);

        assertThat(order.side()).isEqualTo("short");
        assertThat(order.symbol()).isEqualTo("AAA");
        assertThat(desk.riskCheck(order).shortEntry()).isTrue();

        RiskDecision approved = new RiskDecision("AAA", PositionSide.SHORT, Verdict.APPROVED, 10, 10, new BigDecimal("40.00"), new BigDecimal("41.00"),
                new BigDecimal("38.00"), new BigDecimal("10.00"), "manual", "within limits", Map.of());
        OrderIntent intent = desk.intent(order, approved);

        assertThat(intent.kind()).isEqualTo("entry");
        assertThat(intent.side()).isEqualTo(OrderSide.SELL);
        assertThat(intent.clientOrderId()).isEqualTo(ManualOrderDesk.clientOrderId("trader-short-1"));
        assertThat(intent.toRequest().bracket()).isTrue();
        assertThat(intent.toRequest().stopLossPrice()).isGreaterThan(intent.referencePrice());
        assertThat(intent.toRequest().takeProfitPrice()).isLessThan(intent.referencePrice());
        assertThat(intent.sqlRow()).containsEntry("decision_side", "short");
        assertThat(OrderIntent.opensPosition(intent.clientOrderId(), intent.side())).isTrue();
    }

    @Test
    void inATrailingExitModeAShortGoesOutWithoutLegsAndCarriesItsTrailAsACyclesDoes() {
        ManualOrderDesk desk = orders(true);
        org.springframework.test.util.ReflectionTestUtils.setField(desk, "exitSettings", ExitSettings.of("trailing-percent", 1.5, 2));
        RiskDecision approved = new RiskDecision("AAA", PositionSide.SHORT, Verdict.APPROVED, 10, 10, new BigDecimal("40.00"), new BigDecimal("41.00"),
                new BigDecimal("38.00"), new BigDecimal("10.00"), "manual", "within limits", Map.of());

        OrderIntent intent = desk.intent(desk.validate(order("short"), null), approved);

        assertThat(intent.side()).isEqualTo(OrderSide.SELL);
        assertThat(intent.trail()).isNotNull();
        assertThat(intent.trail().percent()).isEqualByComparingTo("1.5");
        assertThat(intent.toRequest().bracket()).isFalse();
    }

    @Test
    void aBuyStaysABuyUnderItsOldRequestLine() {
        ManualOrderDesk desk = orders(true);
        ManualOrder order = desk.validate(order("BUY"), null);

        assertThat(order.side()).isEqualTo("buy");
        assertThat(order.requestLine()).contains("side=buy");
        assertThat(desk.riskCheck(order).shortEntry()).isFalse();
        RiskDecision approved = new RiskDecision("AAA", PositionSide.LONG, Verdict.APPROVED, 10, 10, new BigDecimal("40.00"), new BigDecimal("39.00"),
                new BigDecimal("42.00"), new BigDecimal("10.00"), "manual", "within limits", Map.of());
        assertThat(desk.intent(order, approved).side()).isEqualTo(OrderSide.BUY);
    }
}
