package com.catalyst.notify;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** An event as the generic webhook (and dead_letters) get it: event, time (ISO-8601), symbol when there is one, details. */
@Component("notifyJson")
public class NotifyJson {

    private final ObjectMapper json;

    public NotifyJson(ObjectMapper json) {
        this.json = json;
    }

    public String write(NotifyEvent event) throws JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.event());
        body.put("time", event.time().toString());
        if (event.symbol() != null) {
            body.put("symbol", event.symbol());
        }
        body.put("text", event.text());
        body.put("details", event.details());
        return json.writeValueAsString(body);
    }
}
