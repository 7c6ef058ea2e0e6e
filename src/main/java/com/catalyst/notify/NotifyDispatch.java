package com.catalyst.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.catalyst.trading.OrderAndPosition;
import com.catalyst.trading.OrderRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.springframework.core.env.Environment;

/**
 * The notify-dispatch route's work, on the queue's own thread: a fill becomes entry_filled, exit_filled (with the
 * position's realized P&L) or stop_hit; the event then goes to each switched-on channel that takes it (its own
 * bounded queue, so a slow channel holds up no other) and to the topic {@code seda:notify-topic?multipleConsumers=true},
 * where any YAML route dropped into routes/ receives every event.
 */
public class NotifyDispatch {

    static final String FILL = "fill";
    public static final String TOPIC = "seda:notify-topic?multipleConsumers=true&discardIfNoConsumers=true";
    public static final List<String> CHANNELS = List.of("telegram", "slack", "mail", "webhook");

    private final OrderRepository orders;
    private final ProducerTemplate producer;
    private final NotifyProperties props;
    private final Environment env;
    private final MeterRegistry meters;

    public NotifyDispatch(OrderRepository orders, ProducerTemplate producer, NotifyProperties props, Environment env, MeterRegistry meters) {
        this.orders = orders;
        this.producer = producer;
        this.props = props;
        this.env = env;
        this.meters = meters;
    }

    static Counter dropped(MeterRegistry meters, String channel, String reason) {
        return Counter.builder("catalyst.notify.dropped").tag("channel", channel).tag("reason", reason)
                .description("notifications not delivered: queue full, over the channel's rate, or failed after retries").register(meters);
    }

    /** A channel's queue: each channel route consumes its own. */
    public static String channelQueue(String channel) {
        return "seda:notify-" + channel + "?size=100&blockWhenFull=false";
    }

    public void dispatch(NotifyEvent event) {
        NotifyEvent complete = FILL.equals(event.event()) ? classifyFill(event) : event;
        for (String channel : CHANNELS) {
            if (enabled(channel) && channel(channel).takes(complete.event())) {
                offer(channelQueue(channel), complete, channel);
            }
        }
        offer(TOPIC, complete, "topic");
    }

    private void offer(String uri, NotifyEvent event, String channel) {
        try {
            producer.sendBody(uri, event);
        } catch (RuntimeException full) {
            dropped(meters, channel, "queue_full").increment();
        }
    }

    /** Whether the channel's settings are all set (docs/notifications.md lists them). */
    public boolean enabled(String channel) {
        return switch (channel) {
            case "telegram" -> set("catalyst.notify.telegram.token") && set("catalyst.notify.telegram.chat-id");
            case "slack" -> set("catalyst.notify.slack.webhook-url");
            case "mail" -> set("catalyst.notify.mail.host") && set("catalyst.notify.mail.to") && set("catalyst.notify.mail.from");
            case "webhook" -> set("catalyst.notify.webhook.url");
            default -> false;
        };
    }

    private boolean set(String key) {
        String value = env.getProperty(key);
        return value != null && !value.isBlank();
    }

    private NotifyProperties.Channel channel(String name) {
        NotifyProperties.Channel c = switch (name) {
            case "telegram" -> props.telegram();
            case "slack" -> props.slack();
            case "mail" -> props.mail();
            default -> props.webhook();
        };
        return c == null ? new NotifyProperties.Channel(null) : c;
    }

    /**
     * Which fill it was, read from the record (OrderRepository.orderAndPosition): a buy enters, a sell exits (a stop-loss
     * leg or exit is a stop hit).
     */
    NotifyEvent classifyFill(NotifyEvent fill) {
        Object clientOrderId = fill.details().get("client_order_id");
        OrderAndPosition row = orders.orderAndPosition(clientOrderId == null ? null : String.valueOf(clientOrderId))
                .orElse(new OrderAndPosition(null, null, null, null, null));
        if ("buy".equals(fill.details().get("side"))) {
            return fill.with("entry_filled", Map.of());
        }
        Map<String, Object> more = new LinkedHashMap<>();
        if (row.realizedPnl() != null) {
            more.put("realized_pnl", row.realizedPnl());
        }
        if (row.positionStatus() != null) {
            more.put("position", row.positionStatus());
        }
        // a trailing stop's fill is a stop hit too
        java.util.Set<String> stops = java.util.Set.of("stop_loss", "trailing_stop");
        boolean stop = stops.contains(String.valueOf(row.leg())) || stops.contains(String.valueOf(row.closeReason()));
        return fill.with(stop ? "stop_hit" : "exit_filled", more);
    }
}
