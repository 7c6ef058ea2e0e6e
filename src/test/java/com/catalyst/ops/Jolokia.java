package com.catalyst.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A minimal Jolokia client: the JSON requests Hawtio itself sends to /actuator/jolokia. */
final class Jolokia {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI endpoint;

    Jolokia(String baseUrl) {
        this.endpoint = URI.create(baseUrl + "/actuator/jolokia");
    }

    /** POSTs one request and returns its {@code value}; fails on a Jolokia error status. */
    JsonNode post(Map<String, Object> request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode answer = json.readTree(response.body());
        if (response.statusCode() != 200 || answer.path("status").asInt() != 200) {
            throw new IllegalStateException("Jolokia answered HTTP " + response.statusCode() + ": " + response.body());
        }
        return answer.get("value");
    }

    /** GET form: {@code /actuator/jolokia/search/<pattern>}. */
    JsonNode search(String pattern) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(endpoint + "/search/" + pattern)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return json.readTree(response.body()).get("value");
    }
}
