package com.catalyst.desk;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.OrderIntent;
import com.catalyst.trading.OrderRequest;
import com.catalyst.trading.OrderStatus;
import com.catalyst.adapters.paper.PaperBroker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeDeskTest {

    private final PaperBroker broker = new PaperBroker(symbol -> 10.0, Instant::now, new BigDecimal("100000"), 0, BigDecimal.ZERO);
    private final List<String> reopened = new ArrayList<>();

    private OrderIntent exit() {
        return new OrderIntent("exit", "20260106-002", OrderIntent.exitClientOrderId(7), "ABC", "sell", 5, null, null, null, null, null, 7,
                "end_of_day");
    }

    @Test
    void anExitCanceledBeforeItReachedTheBrokerIsSentAgainAndRecordedFromPendingSubmit() {
        broker.submit(new OrderRequest("CAT-20260106-001-ABC-buy", "ABC", "buy", 5, "market", null, null, null));
        // the row says canceled (reconciliation: never reached the broker); the next cycle plans the same exit
        TradeDesk desk = new TradeDesk(broker, (id, quantity) -> reopened.add(id));

        BrokerOrder sent = desk.send(exit(), 0);
        Map<String, Object> row = desk.transitionRow(exit(), sent, "canceled");

        assertThat(reopened).containsExactly("CAT-EXIT-7");
        assertThat(broker.findByClientOrderId("CAT-EXIT-7")).isPresent();
        assertThat(row).containsEntry("from_status", "pending_submit").containsEntry("status", "filled").containsEntry("changed", true);
    }

    @Test
    void anOrderTheBrokerHasIsSettledNeverReopenedNorSentTwice() {
        broker.submit(new OrderRequest("CAT-20260106-001-ABC-buy", "ABC", "buy", 5, "market", null, null, null));
        BrokerOrder first = broker.submit(exit().toRequest());
        TradeDesk desk = new TradeDesk(broker, (id, quantity) -> reopened.add(id));

        BrokerOrder again = desk.send(exit(), 0);

        assertThat(reopened).isEmpty();
        assertThat(again.brokerOrderId()).isEqualTo(first.brokerOrderId());
        assertThat(broker.positions()).isEmpty();
    }

    @Test
    void aCanceledRowThatWasNotReopenedStaysCanceled() {
        broker.submit(new OrderRequest("CAT-20260106-001-ABC-buy", "ABC", "buy", 5, "market", null, null, null));
        TradeDesk desk = new TradeDesk(broker, (id, quantity) -> false);
        BrokerOrder sent = desk.send(exit(), 0);
        assertThatThrownBy(() -> desk.transitionRow(exit(), sent, "canceled")).isInstanceOf(OrderStatus.IllegalOrderTransitionException.class);
    }

    @Test
    void anOrderKeptBackByTheBreakerWhileItsRowIsCanceledStaysCanceled() {
        TradeDesk desk = new TradeDesk(broker, (id, quantity) -> false);

        Map<String, Object> row = desk.transitionRow(exit(), desk.notSent(exit(), "broker circuit breaker is open"), "canceled");

        assertThat(row).containsEntry("status", "canceled").containsEntry("changed", false);
        assertThat(broker.findByClientOrderId("CAT-EXIT-7")).isEmpty();
        // from pending_submit the same answer is a real step: recorded rejected
        assertThat(desk.transitionRow(exit(), desk.notSent(exit(), "broker circuit breaker is open"), "pending_submit"))
                .containsEntry("status", "rejected").containsEntry("changed", true);
    }
}
