package com.catalyst.trading;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.catalyst.adapters.paper.JdbcPaperLedger;
import com.catalyst.adapters.paper.PaperBroker;
import com.catalyst.trading.ReconciliationDesk;
import com.catalyst.testsupport.CatalystIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The crash states a restart can find, built by hand on the real PostgreSQL, then the start-up reconciliation:
 * an order the broker took while the record still says pending_submit is settled (fill and position written by the
 * normal order path, not resent); one the broker never saw is canceled; a position the broker does not hold is closed
 * and one it holds is recorded; every repair is a risk_events row. The paper broker's book reads back the same.
 */
@CatalystIntegrationTest
class ReconciliationIT {


    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    BrokerPort broker;
    @Autowired
    ReconciliationDesk reconciliation;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aRestartSettlesWhatACrashLeftAndMatchesTheBroker() throws InterruptedException {
        assertThat(reconciliation.tradingAllowed()).as("start-up reconciliation ran").isTrue();
        // the securities master is loaded by a start-up route: wait for it
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from securities", Integer.class) >= 3);
        List<String> symbols = jdbc.queryForList("select symbol from securities where symbol ~ '^[A-Z]+$' order by symbol limit 4", String.class);
        String sent = symbols.get(0);
        String neverSent = symbols.get(1);
        String ghost = symbols.get(2);
        String unfilled = symbols.get(3);

        // crash after the broker filled it, before the record heard: the row still says pending_submit
        broker.submit(new OrderRequest("CAT-CRASH-SENT", sent, OrderSide.BUY, 7, OrderType.MARKET, null, null, null));
        pendingRow("CAT-CRASH-SENT", sent);
        // crash after the order row said filled, before its fill and position were written
        broker.submit(new OrderRequest("CAT-CRASH-NO-FILL", unfilled, OrderSide.BUY, 4, OrderType.MARKET, null, null, null));
        pendingRow("CAT-CRASH-NO-FILL", unfilled);
        jdbc.update("update orders set status = 'filled', filled_qty = 4 where client_order_id = 'CAT-CRASH-NO-FILL'");
        // crash before the broker call
        pendingRow("CAT-CRASH-UNSENT", neverSent);
        // a position the record thinks is open but the broker does not hold
        jdbc.update("insert into positions (security_id, side, quantity, entry_price, status, opened_at) values (get_or_create_security(?),"
                + " 'long', 3, 10, 'open', now())", ghost);

        reconciliation.atStartup();

        assertThat(reconciliation.tradingAllowed()).isTrue();
        assertThat(status("CAT-CRASH-SENT")).isEqualTo("filled");
        assertThat(jdbc.queryForObject("select count(*) from fills f join orders o using (order_id) where o.client_order_id = 'CAT-CRASH-SENT'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select sum(f.quantity) from fills f join orders o using (order_id) where o.client_order_id = 'CAT-CRASH-NO-FILL'",
                Integer.class)).isEqualTo(4);
        assertThat(status("CAT-CRASH-UNSENT")).isEqualTo("canceled");
        assertThat(broker.findByClientOrderId("CAT-CRASH-UNSENT")).as("never resent").isEmpty();
        assertThat(localPositions()).isEqualTo(brokerPositions(broker)).containsEntry(sent, 7).containsEntry(unfilled, 4).doesNotContainKey(ghost);
        assertThat(jdbc.queryForList("select event_type from risk_events where event_type like 'reconciliation_%' order by event_id", String.class))
                .containsExactlyInAnyOrder("reconciliation_order_settled", "reconciliation_fill_settled", "reconciliation_order_canceled",
                        "reconciliation_position_closed");

        // a second run finds nothing to repair
        reconciliation.atStartup();
        assertThat(reconciliation.status().get("last_repairs")).isEqualTo(0);

        // the paper broker's book, read back as a restarted process reads it
        PaperBroker restarted = new PaperBroker(symbol -> 10.0, java.time.Instant::now, new BigDecimal("100000"), 0, BigDecimal.ZERO,
                new JdbcPaperLedger(JdbcClient.create(jdbc), transactions));
        assertThat(brokerPositions(restarted)).isEqualTo(brokerPositions(broker));
        assertThat(restarted.findByClientOrderId("CAT-CRASH-SENT")).isPresent();
        assertThat(restarted.account().cash()).isEqualByComparingTo(broker.account().cash());
    }

    private void pendingRow(String clientOrderId, String symbol) {
        jdbc.update("insert into orders (order_id, client_order_id, security_id, side, order_type, quantity, status, created_at)"
                + " values (gen_random_uuid(), ?, get_or_create_security(?), 'buy', 'market', 7, 'pending_submit', now() - interval '1 minute')",
                clientOrderId, symbol);
    }

    private String status(String clientOrderId) {
        return jdbc.queryForObject("select status from orders where client_order_id = ?", String.class, clientOrderId);
    }

    private Map<String, Integer> localPositions() {
        Map<String, Integer> positions = new TreeMap<>();
        jdbc.queryForList("select symbol, quantity from v_positions_current").forEach(r -> positions.put((String) r.get("symbol"),
                ((Number) r.get("quantity")).intValue()));
        return positions;
    }

    private static Map<String, Integer> brokerPositions(BrokerPort broker) {
        Map<String, Integer> positions = new TreeMap<>();
        broker.positions().forEach(p -> positions.put(p.symbol(), p.quantity()));
        return positions;
    }
}
