package com.catalyst.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.env.Environment;

/**
 * The tests' HTTP client to the application under test, on its random port, over loopback: JSON in and out, as the
 * trader's scripts call it. The port is read at each call (the server starts after the context is customized).
 */
public final class CatalystHttp {

    private final Environment environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    CatalystHttp(Environment environment) {
        this.environment = environment;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /** POST of a JSON body; an empty body is sent as none, without a Content-Type (an action without arguments). */
    public HttpResponse<String> post(String path, String jsonBody) {
        if (jsonBody.isEmpty()) {
            return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
        }
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public HttpResponse<String> put(String path, String jsonBody) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** The body of a response as JSON. */
    public JsonNode json(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (HTTP " + response.statusCode() + "): " + response.body(), e);
        }
    }

    public int port() {
        return Integer.parseInt(environment.getRequiredProperty("local.server.port"));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path)).timeout(Duration.ofSeconds(60));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
