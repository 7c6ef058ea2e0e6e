package com.catalyst.notify;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * catalyst.notify.*: the channels (each on only when its settings are set), which events each takes
 * ({@code all} or a list of event names), the queue between the emitters and the channels.
 */
@ConfigurationProperties(prefix = "catalyst.notify")
public record NotifyProperties(Integer queueSize, Channel telegram, Channel slack, Channel mail, Channel webhook) {

    /** {@code events}: "all" or the event names this channel takes. */
    public record Channel(List<String> events) {
        boolean takes(String event) {
            return events == null || events.isEmpty() || events.contains("all") || events.contains(event);
        }
    }

    public int queueSizeOrDefault() {
        return queueSize == null ? 1000 : queueSize;
    }
}
