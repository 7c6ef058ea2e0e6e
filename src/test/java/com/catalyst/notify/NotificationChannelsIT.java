package com.catalyst.notify;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.catalyst.testsupport.CatalystIntegrationTest;
import com.catalyst.workflow.CycleSummary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four channels against local stubs (WireMock for Telegram's Bot API, Slack's incoming webhook and the generic
 * webhook; GreenMail for SMTP), in one Spring context on the real PostgreSQL: an event reaches each channel once, a
 * flood is cut at the channel's rate and counted, a failing channel ends in dead_letters, a slow one holds up no
 * cycle, and no secret reaches the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@CatalystIntegrationTest
@TestPropertySource(properties = {
        "catalyst.notify.retries=1",
        "catalyst.notify.retry-delay-ms=10",
        "catalyst.notify.telegram.chat-id=4242",
        "catalyst.notify.telegram.rate=100",
        "catalyst.notify.mail.from=catalyst@example.test",
        "catalyst.notify.mail.to=trader@example.test",
        "catalyst.notify.mail.username=catalyst",
        "catalyst.notify.mail.password=SECRET-MAIL-PASSWORD",
        "catalyst.notify.slack.rate=5",
        "catalyst.notify.slack.period-ms=120000",
        "catalyst.notify.webhook.rate=100"})
class NotificationChannelsIT {

    static final String TOKEN = "123456:SECRET-TELEGRAM-TOKEN";
    static final String SLACK_PATH = "/services/T000/B000/SECRETSLACKPATH";
    static final WireMockServer STUB = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("catalyst", "SECRET-MAIL-PASSWORD"))
            .withPerMethodLifecycle(false);

    static {
        STUB.start();
        String ok = "{\"ok\":true,\"result\":{\"message_id\":1,\"date\":1767700000,\"chat\":{\"id\":4242,\"type\":\"private\"},\"text\":\"x\"}}";
        STUB.stubFor(post(urlPathEqualTo("/bot" + TOKEN + "/sendMessage")).atPriority(5)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ok)));
        STUB.stubFor(post(urlPathEqualTo("/bot" + TOKEN + "/sendMessage")).withRequestBody(containing("fail_probe")).atPriority(1)
                .willReturn(aResponse().withStatus(500).withBody("{\"ok\":false,\"error_code\":500,\"description\":\"Internal Server Error\"}")));
        STUB.stubFor(post(urlPathEqualTo("/bot" + TOKEN + "/sendMessage")).withRequestBody(containing("slow_probe")).atPriority(1)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(ok).withFixedDelay(15_000)));
        STUB.stubFor(post(urlPathEqualTo(SLACK_PATH)).willReturn(aResponse().withBody("ok")));
        STUB.stubFor(post(urlPathEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
    }

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("catalyst.notify.telegram.token", () -> TOKEN);
        registry.add("catalyst.notify.telegram.base-url", STUB::baseUrl);
        registry.add("catalyst.notify.slack.webhook-url", () -> STUB.baseUrl() + SLACK_PATH);
        registry.add("catalyst.notify.webhook.url", () -> STUB.baseUrl() + "/hook?token=SECRETHOOKTOKEN");
        registry.add("catalyst.notify.mail.host", () -> "127.0.0.1");
        registry.add("catalyst.notify.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stop() {
        STUB.stop();
    }

    @Autowired
    Notifications notifications;
    @Autowired
    ProducerTemplate producer;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    private int telegram(String marker) {
        return STUB.countRequestsMatching(postRequestedFor(urlPathEqualTo("/bot" + TOKEN + "/sendMessage"))
                .withRequestBody(containing(marker)).build()).getCount();
    }

    private int at(String path, String marker) {
        return STUB.countRequestsMatching(postRequestedFor(urlPathEqualTo(path)).withRequestBody(containing(marker)).build()).getCount();
    }

    @Test
    @Order(1)
    void anEventReachesEverySwitchedOnChannelOnce() {
        notifications.emit(NotifyEvent.of("entry_filled", "AAPL", Map.of("probe", "once_probe", "quantity", 10)));

        await().atMost(Duration.ofSeconds(20)).until(() -> telegram("once_probe") == 1 && at(SLACK_PATH, "once_probe") == 1
                && at("/hook", "once_probe") == 1 && SMTP.getReceivedMessages().length == 1);
        assertThat(STUB.findAll(postRequestedFor(urlPathEqualTo("/bot" + TOKEN + "/sendMessage"))).get(0).getBodyAsString())
                .contains("4242").contains("entry filled AAPL");
        String hook = STUB.findAll(postRequestedFor(urlPathEqualTo("/hook"))).get(0).getBodyAsString();
        assertThat(hook).contains("\"event\":\"entry_filled\"").contains("\"symbol\":\"AAPL\"").contains("\"time\":\"");
        assertThat(STUB.findAll(postRequestedFor(urlPathEqualTo("/hook"))).get(0).getQueryParams()).containsKey("token");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(SMTP.getReceivedMessages()[0])).contains("entry filled AAPL");
    }

    @Test
    @Order(2)
    void aFloodIsCutAtTheChannelsRateAndCounted() {
        double droppedBefore = rateDrops();
        for (int i = 0; i < 12; i++) {
            notifications.emit(NotifyEvent.of("exit_filled", "MSFT", Map.of("probe", "flood_probe", "n", i)));
        }

        // 5 a window on Slack, one of them taken by the first test: 4 pass, 8 are dropped and counted
        await().atMost(Duration.ofSeconds(20)).until(() -> at(SLACK_PATH, "flood_probe") + (rateDrops() - droppedBefore) >= 12);
        assertThat(at(SLACK_PATH, "")).isLessThanOrEqualTo(5);
        assertThat(at(SLACK_PATH, "flood_probe")).isEqualTo(4);
        assertThat(rateDrops() - droppedBefore).isEqualTo(8.0);
        // the other channels have their own rates: all twelve reached Telegram
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram("flood_probe") == 12);
    }

    private double rateDrops() {
        var counter = meters.find("catalyst.notify.dropped").tag("channel", "notify-slack").tag("reason", "rate").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    @Order(3)
    void aFailingChannelEndsInDeadLettersWithoutItsSecret(CapturedOutput output) {
        notifications.emit(NotifyEvent.of("stop_hit", "TSLA", Map.of("probe", "fail_probe")));

        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "select count(*) from dead_letters where route_id = 'notify-telegram'", Integer.class) == 1);
        var letter = jdbc.queryForMap("select endpoint, exception, body from dead_letters where route_id = 'notify-telegram'");
        assertThat(letter.get("endpoint")).isEqualTo("telegram");
        assertThat((String) letter.get("body")).contains("\"event\":\"stop_hit\"").contains("fail_probe");
        assertThat(telegram("fail_probe")).as("first try and one retry").isEqualTo(2);
        assertThat(letter.toString()).doesNotContain("SECRET-TELEGRAM-TOKEN");
        assertThat(output.getAll()).contains("Notification not delivered by notify-telegram")
                .doesNotContain("SECRET-TELEGRAM-TOKEN").doesNotContain("SECRETSLACKPATH").doesNotContain("SECRETHOOKTOKEN")
                .doesNotContain("SECRET-MAIL-PASSWORD");
    }

    @Test
    @Order(4)
    void aCyclesFilledEntriesReachTheWebhookOnceEach() throws Exception {
        CycleSummary cycle = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);
        // the queues are first in, first out: once this marker is at the hook, every fill of the cycle went before it
        notifications.emit(NotifyEvent.of("market_data_stale", null, Map.of("probe", "barrier_probe")));
        await().atMost(Duration.ofSeconds(20)).until(() -> at("/hook", "barrier_probe") == 1);

        List<String> filled = jdbc.queryForList("select s.symbol from positions p join securities s using (security_id)"
                + " where p.cycle_id = ? order by s.symbol", String.class, cycle.cycleId());
        assertThat(cycle.placed()).as("the simulated market fills entries at 11:00").isPositive();
        assertThat(filled).hasSize((int) cycle.placed());
        List<String> notified = new java.util.ArrayList<>();
        for (var request : STUB.findAll(postRequestedFor(urlPathEqualTo("/hook")))) {
            JsonNode event = new ObjectMapper().readTree(request.getBodyAsString());
            if ("entry_filled".equals(event.path("event").asText()) && !event.path("details").has("probe")) {
                assertThat(event.path("time").asText()).isNotBlank();
                assertThat(event.path("details").path("quantity").asInt()).isPositive();
                notified.add(event.path("symbol").asText());
            }
        }
        assertThat(notified).containsExactlyInAnyOrderElementsOf(filled);
    }

    @Test
    @Order(5)
    void aSlowChannelHoldsUpNoCycle(CapturedOutput output) {
        notifications.emit(NotifyEvent.of("market_data_stale", null, Map.of("probe", "slow_probe")));
        notifications.emit(NotifyEvent.of("market_data_stale", null, Map.of("probe", "after_slow_probe")));
        // Telegram has the slow request (its answer held 15 s); the next event went on to the webhook meanwhile
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram("slow_probe") == 1 && at("/hook", "after_slow_probe") == 1);

        CycleSummary cycle = producer.requestBody("direct:workflow-run-cycle", null, CycleSummary.class);

        assertThat(cycle.status()).isEqualTo("completed");
        // Telegram's queue is first in, first out: the event behind the slow one not sent yet = Telegram still answering
        assertThat(telegram("after_slow_probe")).as("Telegram still answering when the cycle was done").isZero();
        assertThat(output.getAll()).doesNotContain("SECRET-TELEGRAM-TOKEN").doesNotContain("SECRETHOOKTOKEN");
    }
}
