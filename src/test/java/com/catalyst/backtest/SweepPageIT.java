package com.catalyst.backtest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.catalyst.reporting.ReportPage;
import com.catalyst.reporting.SweepPage;
import com.catalyst.testsupport.CatalystHttp;
import com.catalyst.testsupport.CatalystIntegrationTest;
import com.catalyst.testsupport.Chromium;
import com.catalyst.testsupport.ColourBand;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The sweep's page over the real routes: a small walk-forward sweep (ema-cross on SPY, a 2 × 2 grid, 2 folds) run to
 * its end, then its URL opened in headless Chromium, whose DOM holds the heatmap's four cells with the trials'
 * in-sample Sharpe ratios, the fold table, the trial table and the stitched equity chart; {@code Accept: text/html}
 * alone gets the page, a JSON client still gets JSON, and a heatmap axis that is not a varied parameter is a 400.
 */
@CatalystIntegrationTest
@TestPropertySource(properties = {"catalyst.backtest.data-dir=data/pyalgotrade", "catalyst.sweep.threads=2"})
class SweepPageIT {

    static final String SMALL = "{\"strategy\":\"ema-cross\",\"symbols\":[\"SPY\"],\"from\":\"2011-03-01\",\"to\":\"2011-03-18\","
            + "\"grid\":{\"ema_fast\":[5,9],\"ema_slow\":[21,30]},\"objective\":\"sharpe\","
            + "\"walk_forward\":{\"in_sample_days\":6,\"out_of_sample_days\":4,\"step_days\":4}}";
    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

    @Autowired
    CatalystHttp http;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void aBrowserGetsThePageWithHeatmapFoldsTrialsAndEquityAndJsonClientsStillGetJson() throws Exception {
        HttpResponse<String> started = http.post("/api/v1/backtests/sweeps", SMALL);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long id = http.json(started).get("sweep_id").asLong();
        JsonNode sweep = awaitEnd(id);
        assertThat(sweep.get("status").asText()).as(sweep.toString()).isEqualTo("completed");
        assertThat(sweep.get("folds")).hasSize(2);
        String path = "/api/v1/backtests/sweeps/" + id;

        // a JSON client (no Accept, or application/json) still gets JSON
        HttpResponse<String> plain = http.get(path);
        assertThat(plain.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        HttpResponse<String> asJson = get(path, "application/json");
        assertThat(asJson.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(http.json(asJson).get("sweep_id").asLong()).isEqualTo(id);

        // Accept: text/html alone gets the page, with its policy: no script, nothing loaded
        HttpResponse<String> page = get(path, "text/html");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(page.body()).contains("<svg id=\"heatmap\"", "<svg id=\"stitched-equity-chart\"").doesNotContain("<script", "https://");

        // what a browser sees: Chromium's DOM after parsing the page it fetched itself
        String chromium = Chromium.binary();
        Path profile = Chromium.newProfile();
        String dom = Chromium.run(chromium, profile, "--dump-dom", "http://127.0.0.1:" + http.port() + path);
        assertThat(dom).contains("<svg id=\"heatmap\"", "<table id=\"folds\"", "<table id=\"trials\"", "<svg id=\"stitched-equity-chart\"",
                "<polyline", "class=\"tick-label\"");
        // the heatmap: one cell per (ema_fast, ema_slow) pair, each holding that trial's in-sample Sharpe
        Matcher cell = Pattern.compile("<rect class=\"cell[^\"]*\"[^>]*data-x=\"(\\d+)\" data-y=\"(\\d+)\" data-value=\"([^\"]*)\"").matcher(dom);
        int cells = 0;
        while (cell.find()) {
            cells++;
            JsonNode trial = trial(sweep, Integer.parseInt(cell.group(1)), Integer.parseInt(cell.group(2)));
            JsonNode sharpe = trial.get("in_sample").get("sharpe");
            if (sharpe == null || sharpe.isNull()) {
                assertThat(cell.group(3)).isEmpty();
            } else {
                assertThat(Double.parseDouble(cell.group(3))).isEqualTo(sharpe.asDouble());
            }
        }
        assertThat(cells).isEqualTo(4);
        assertThat(count(dom, "<tr class=\"fold\">")).isEqualTo(2);
        assertThat(count(dom, "<tr class=\"trial\">")).isEqualTo(4);

        // and painted: the heatmap's best (green) and worst (red) cells, then the equity line below them
        Path screenshot = profile.resolve("sweep.png");
        Chromium.run(chromium, profile, "--screenshot=" + screenshot, "--window-size=1200,2400", "http://127.0.0.1:" + http.port() + path);
        BufferedImage image = ImageIO.read(screenshot.toFile());
        assertThat(image).as("screenshot written").isNotNull();
        ColourBand best = ColourBand.of(image, SweepPage.HIGH_COLOUR);
        ColourBand worst = ColourBand.of(image, SweepPage.LOW_COLOUR);
        ColourBand equity = ColourBand.of(image, ReportPage.EQUITY_COLOUR);
        assertThat(equity.pixels()).as("equity line painted").isGreaterThan(200);
        long distinct = java.util.stream.StreamSupport.stream(sweep.get("trials").spliterator(), false)
                .map(t -> t.get("in_sample").get("sharpe")).filter(v -> v != null && !v.isNull()).map(JsonNode::asDouble).distinct().count();
        if (distinct >= 2) { // the extremes take the scale's end colours
            assertThat(best.pixels()).as("best cell painted").isGreaterThan(1000);
            assertThat(worst.pixels()).as("worst cell painted").isGreaterThan(1000);
            assertThat(equity.top()).as("equity chart below the heatmap").isGreaterThan(Math.max(best.bottom(), worst.bottom()));
        }
        Chromium.deleteProfile(profile);

        // the axes swapped through the query; one that is not a varied parameter is a 400 naming it
        HttpResponse<String> swapped = get(path + "?x=ema_slow&y=ema_fast", BROWSER_ACCEPT);
        assertThat(swapped.statusCode()).isEqualTo(200);
        assertThat(swapped.body()).contains("data-x=\"ema_slow\" data-y=\"ema_fast\"");
        HttpResponse<String> bad = get(path + "?x=%3Cb%3Enope", BROWSER_ACCEPT);
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(400);
        assertThat(bad.body()).contains("\"field\":\"x\"", "ema_fast, ema_slow");
        // the error is JSON, never HTML, so the value it names is not markup
        assertThat(bad.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(get(path + "?x=ema_fast&y=ema_fast", "text/html").statusCode()).isEqualTo(400);
        assertThat(get("/api/v1/backtests/sweeps/999999", "text/html").statusCode()).isEqualTo(404);
    }

    private static JsonNode trial(JsonNode sweep, int fast, int slow) {
        for (JsonNode t : sweep.get("trials")) {
            if (t.get("parameters").get("ema_fast").asInt() == fast && t.get("parameters").get("ema_slow").asInt() == slow) {
                return t;
            }
        }
        throw new AssertionError("no trial with ema_fast " + fast + " and ema_slow " + slow);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private HttpResponse<String> get(String path, String accept) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path)).header("Accept", accept).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitEnd(long id) {
        return Sweeps.awaitEnd(http, id, Duration.ofMinutes(3));
    }
}
