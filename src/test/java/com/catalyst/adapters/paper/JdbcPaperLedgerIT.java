package com.catalyst.adapters.paper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.TestDatabases;
import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.BrokerOrder.Fill;
import com.catalyst.trading.BrokerPort.BrokerPosition;
import com.catalyst.trading.Trail;
import com.catalyst.trading.OrderSide;
import com.catalyst.trading.OrderType;
import com.catalyst.trading.BracketLeg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * JdbcPaperLedger, the owner of the paper broker's book ({@code paper_broker_*}), on the real PostgreSQL with the
 * application's migrations: a new account reads as empty; a change (a bracket entry with its fills and legs, a trailing
 * stop with its trail and mark, positions, cash) reads back as written; the next change updates what moves, keeps each
 * fill once and drops a flat position; a change that fails leaves nothing of itself. No Spring context: the ledger over a
 * JdbcClient and a transaction manager, as the application builds it.
 */
class JdbcPaperLedgerIT {

    private static final Instant T0 = Instant.parse("2026-01-06T15:00:00Z");

    private JdbcClient jdbc;
    private JdbcPaperLedger ledger;

    @BeforeEach
    void freshSchema() {
        javax.sql.DataSource source = TestDatabases.migrated("catalyst_it_paper_ledger");
        jdbc = JdbcClient.create(source);
        ledger = new JdbcPaperLedger(jdbc, new DataSourceTransactionManager(source));
    }

    private static Fill fill(String id, int quantity, String price, int minute) {
        return new Fill(id, quantity, new BigDecimal(price), new BigDecimal("0.50"), T0.plusSeconds(60L * minute));
    }

    private static BrokerOrder entry(String status, int filled, String average, List<Fill> fills) {
        return new BrokerOrder("b-1", "CAT-E1", "ACME", OrderSide.BUY, 100, status, filled, average == null ? null : new BigDecimal(average),
                new BigDecimal("0.50").multiply(BigDecimal.valueOf(fills.size())), T0, "filled".equals(status) ? T0.plusSeconds(120) : null, null,
                OrderType.LIMIT, new BigDecimal("50.00"), null, null, null, T0.plusSeconds(6 * 3600), fills, List.of());
    }

    private static BrokerOrder leg(String suffix, BracketLeg leg, OrderType type, String limit, String stop) {
        return new BrokerOrder("b-1" + suffix, "CAT-E1" + suffix, "ACME", OrderSide.SELL, 100, "held", 0, null, BigDecimal.ZERO, T0, null, null,
                type, limit == null ? null : new BigDecimal(limit), stop == null ? null : new BigDecimal(stop), "CAT-E1", leg, null, List.of(),
                List.of());
    }

    private static BrokerOrder trailingStop(String stop, String hwm, int minute) {
        return new BrokerOrder("b-2", "CAT-E2-TS", "BOLT", OrderSide.SELL, 40, "new", 0, null, BigDecimal.ZERO, T0, null, null, OrderType.TRAILING_STOP, null,
                new BigDecimal(stop), null, null, null, List.of(), List.of(),
                new BrokerOrder.Trailing(Trail.percent(new BigDecimal("1.5")), new BigDecimal(hwm), T0.plusSeconds(60L * minute)));
    }

    private static Map<String, BrokerPosition> positions(Object... symbolQuantityPrice) {
        Map<String, BrokerPosition> out = new HashMap<>();
        for (int i = 0; i < symbolQuantityPrice.length; i += 3) {
            String symbol = (String) symbolQuantityPrice[i];
            out.put(symbol, symbolQuantityPrice[i + 1] == null ? null
                    : new BrokerPosition(symbol, (Integer) symbolQuantityPrice[i + 1], new BigDecimal((String) symbolQuantityPrice[i + 2])));
        }
        return out;
    }

    private BrokerOrder loaded(String clientOrderId) {
        return ledger.load().orders().stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst().orElseThrow();
    }

    @Test
    void aNewAccountReadsAsEmpty() {
        PaperLedger.Book book = ledger.load();
        assertThat(book.orders()).isEmpty();
        assertThat(book.positions()).isEmpty();
        assertThat(book.cash()).as("never written").isNull();
    }

    @Test
    void aChangeReadsBackAsWritten() {
        ledger.write(List.of(entry("partially_filled", 60, "50.00", List.of(fill("f2", 20, "50.10", 2), fill("f1", 40, "49.95", 1))),
                        leg("-SL", BracketLeg.STOP_LOSS, OrderType.STOP, null, "48.00"), leg("-TP", BracketLeg.TAKE_PROFIT, OrderType.LIMIT, "54.00", null), trailingStop("39.4000", "40.00", 3)),
                positions("ACME", 60, "50.0167", "BOLT", 40, "39.80"), new BigDecimal("96999.50"));

        PaperLedger.Book book = ledger.load();
        assertThat(book.orders()).extracting(BrokerOrder::clientOrderId).as("in the order written")
                .containsExactly("CAT-E1", "CAT-E1-SL", "CAT-E1-TP", "CAT-E2-TS");
        BrokerOrder entry = book.orders().get(0);
        assertThat(entry.status()).isEqualTo("partially_filled");
        assertThat(entry.filledQuantity()).isEqualTo(60);
        assertThat(entry.orderType()).isEqualTo(OrderType.LIMIT);
        assertThat(entry.limitPrice()).isEqualByComparingTo("50.00");
        assertThat(entry.expiresAt()).isEqualTo(T0.plusSeconds(6 * 3600));
        assertThat(entry.submittedAt()).isEqualTo(T0);
        assertThat(entry.fills()).extracting(Fill::fillId).as("by time").containsExactly("f1", "f2");
        assertThat(entry.fills().get(0).price()).isEqualByComparingTo("49.95");
        assertThat(entry.fills().get(0).at()).isEqualTo(T0.plusSeconds(60));
        assertThat(entry.trailing()).isNull();
        BrokerOrder stop = book.orders().get(1);
        assertThat(stop.parentClientOrderId()).isEqualTo("CAT-E1");
        assertThat(stop.leg()).isEqualTo(BracketLeg.STOP_LOSS);
        assertThat(stop.stopPrice()).isEqualByComparingTo("48.00");
        assertThat(stop.fills()).isEmpty();
        BrokerOrder trailing = book.orders().get(3);
        assertThat(trailing.trailing().trail().percent()).isEqualByComparingTo("1.5");
        assertThat(trailing.trailing().trail().price()).isNull();
        assertThat(trailing.trailing().highWaterMark()).isEqualByComparingTo("40.00");
        assertThat(trailing.trailing().markedAt()).isEqualTo(T0.plusSeconds(180));
        assertThat(book.positions()).extracting(BrokerPosition::symbol, BrokerPosition::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("ACME", 60), org.assertj.core.groups.Tuple.tuple("BOLT", 40));
        assertThat(book.positions().get(0).averageEntryPrice()).isEqualByComparingTo("50.0167");
        assertThat(book.cash()).isEqualByComparingTo("96999.50");
    }

    @Test
    void theNextChangeUpdatesWhatMovesKeepsEachFillOnceAndDropsAFlatPosition() {
        ledger.write(List.of(entry("partially_filled", 40, "49.95", List.of(fill("f1", 40, "49.95", 1))), trailingStop("39.4000", "40.00", 3)),
                positions("ACME", 40, "49.95", "BOLT", 40, "39.80"), new BigDecimal("98000"));

        // the entry fills (its first fill reported again), the trailing stop's mark rises, BOLT is sold flat elsewhere
        ledger.write(List.of(entry("filled", 100, "50.01", List.of(fill("f1", 40, "49.95", 1), fill("f3", 60, "50.05", 4))),
                        trailingStop("40.3850", "41.00", 5)),
                positions("ACME", 100, "50.01", "BOLT", null, null), new BigDecimal("95000.25"));

        BrokerOrder entry = loaded("CAT-E1");
        assertThat(entry.status()).isEqualTo("filled");
        assertThat(entry.filledQuantity()).isEqualTo(100);
        assertThat(entry.filledAveragePrice()).isEqualByComparingTo("50.01");
        assertThat(entry.filledAt()).isEqualTo(T0.plusSeconds(120));
        assertThat(entry.fills()).extracting(Fill::fillId).containsExactly("f1", "f3");
        assertThat(jdbc.sql("select count(*) from paper_broker_fills").query(Integer.class).single()).isEqualTo(2);
        BrokerOrder trailing = loaded("CAT-E2-TS");
        assertThat(trailing.stopPrice()).isEqualByComparingTo("40.385");
        assertThat(trailing.trailing().highWaterMark()).isEqualByComparingTo("41.00");
        assertThat(trailing.trailing().markedAt()).isEqualTo(T0.plusSeconds(300));
        assertThat(jdbc.sql("select count(*) from paper_broker_orders").query(Integer.class).single()).isEqualTo(2);
        PaperLedger.Book book = ledger.load();
        assertThat(book.positions()).singleElement().satisfies(p -> {
            assertThat(p.symbol()).isEqualTo("ACME");
            assertThat(p.quantity()).isEqualTo(100);
        });
        assertThat(book.cash()).isEqualByComparingTo("95000.25");
    }

    @Test
    void aChangeThatFailsLeavesNothingOfItself() {
        ledger.write(List.of(entry("new", 0, null, List.of())), positions(), new BigDecimal("100000"));

        // the order and its fill are written first; the position of 0 shares the table refuses comes after them
        assertThatThrownBy(() -> ledger.write(List.of(entry("partially_filled", 40, "49.95", List.of(fill("f1", 40, "49.95", 1)))),
                positions("ACME", 0, "49.95"), new BigDecimal("98000"))).isInstanceOf(DataIntegrityViolationException.class);

        PaperLedger.Book book = ledger.load();
        assertThat(book.orders()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo("new");
            assertThat(o.fills()).isEmpty();
        });
        assertThat(book.positions()).isEmpty();
        assertThat(book.cash()).isEqualByComparingTo("100000");
    }
}
