package com.catalyst.notify;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.catalyst.risk.RiskResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the desks drop what the trader should hear about: one offer to the bounded SEDA queue
 * {@code seda:notify-events}, which the notify routes (routes/notify.camel.yaml) send on. The caller is a cycle or a
 * reconciliation: it is never blocked and never fails; a full queue drops the event and counts it
 * ({@code catalyst_notify_dropped_total{channel="queue"}}).
 */
public class Notifications {

    /** What a desk holds when no Spring context wires one in (unit tests): events go nowhere. */
    public static final Notifications NONE = new Notifications(null, null, null, 0);

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);

    private final ProducerTemplate producer;
    private final ObjectMapper json;
    private final Counter dropped;
    private final String queue;

    public Notifications(ProducerTemplate producer, ObjectMapper json, MeterRegistry meters, int queueSize) {
        this.producer = producer;
        this.json = json;
        this.queue = queueUri(queueSize);
        this.dropped = meters == null ? null : NotifyDispatch.dropped(meters, "queue", "queue_full");
    }

    /** The one queue between emitters and channels; its size is fixed by whoever names it first, so both sides name it alike. */
    public static String queueUri(int size) {
        return "seda:notify-events?size=" + size + "&blockWhenFull=false";
    }

    public void emit(NotifyEvent event) {
        if (producer == null) {
            return;
        }
        try {
            producer.sendBody(queue, event);
        } catch (RuntimeException full) {
            // a full queue (or a context shutting down): the cycle goes on, the event is counted as lost
            dropped.increment();
            LOG.debug("Notification {} dropped: {}", event.event(), full.getMessage());
        }
    }

    /** A fill, as the position message published on Redis describes it; which kind of fill it was is found off the cycle's path. */
    public void position(String message) {
        try {
            JsonNode m = json.readTree(message);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("side", m.path("side").asText());
            details.put("quantity", m.path("quantity").asInt());
            details.put("price", m.path("price").decimalValue());
            details.put("client_order_id", m.path("client_order_id").asText());
            emit(NotifyEvent.of(NotifyDispatch.FILL, m.path("symbol").asText(null), details));
        } catch (Exception unreadable) {
            LOG.debug("Position message not notified: {}", unreadable.getMessage());
        }
    }

    /** Emitted when the kill switch's risk_events row is first written that session day. */
    public void killSwitch(RiskResponse response) {
        BigDecimal realized = response.portfolio() == null ? null : response.portfolio().realizedPnlToday();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("realized_pnl_today", realized);
        details.put("cycle_id", response.cycleId());
        details.put("message", "no new entries until the next session");
        emit(NotifyEvent.of("kill_switch_tripped", null, details));
    }

    public void reconciliation(boolean failed, String reason, int repairs) {
        emit(NotifyEvent.of(failed ? "reconciliation_failed" : "reconciliation_repaired", null,
                failed ? Map.of("reason", reason) : Map.of("repairs", repairs, "reason", reason)));
    }

    public void marketDataStale(String why) {
        emit(NotifyEvent.of("market_data_stale", null, Map.of("reason", why)));
    }
}
