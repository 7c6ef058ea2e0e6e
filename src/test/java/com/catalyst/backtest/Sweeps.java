package com.catalyst.backtest;

import java.time.Duration;

import com.catalyst.testsupport.CatalystHttp;
import com.fasterxml.jackson.databind.JsonNode;

import static org.awaitility.Awaitility.await;

/** The sweep ITs' wait: GET the sweep until it has ended (neither queued nor running), and answer it as it ended. */
final class Sweeps {

    private Sweeps() {
    }

    static JsonNode awaitEnd(CatalystHttp http, long id, Duration limit) {
        JsonNode[] last = new JsonNode[1];
        await("sweep " + id + " to end").atMost(limit).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = http.json(http.get("/api/v1/backtests/sweeps/" + id));
            String status = last[0].get("status").asText();
            return !status.equals("queued") && !status.equals("running");
        });
        return last[0];
    }
}
