package com.catalyst.adapters.alpaca;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.catalyst.adapters.simulated.SimulatedMarket;
import com.catalyst.market.Bar;
import com.catalyst.market.MarketDataPort.SecurityInfo;
import com.catalyst.market.clock.ExchangeCalendar;
import com.catalyst.market.clock.TradingClock;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * Alpaca's trading and market-data REST APIs on loopback, in their documented shapes (REFERENCE.md §4.8, §4.13), serving
 * the seeded simulated market as if it were the real one: {@code /v2/assets}, {@code /v2/stocks/snapshots},
 * {@code /v2/stocks/bars} (1Min and 1Day, start-stamped, paged by {@code limit} and {@code next_page_token}),
 * {@code /v2/calendar} and {@code /v2/clock}. Nothing after the stub's clock is served: the future has no bars. One
 * WireMock server stands for both hosts; a test adds the trading endpoints it needs (account, orders) to it.
 */
public final class SimulatedAlpacaServer implements AutoCloseable {

    private final WireMockServer server;

    public SimulatedAlpacaServer(SimulatedMarket market, Clock clock) {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                .extensions(new Answers(market, clock)));
        server.start();
        for (String path : List.of("/v2/assets", "/v2/stocks/snapshots", "/v2/stocks/bars", "/v2/calendar", "/v2/clock")) {
            server.stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withTransformers(Answers.NAME)));
        }
    }

    public WireMockServer wireMock() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Computes each answer from the simulated market at the stub's clock. */
    static final class Answers implements ResponseDefinitionTransformerV2 {
        static final String NAME = "simulated-alpaca";
        private final SimulatedMarket market;
        private final Clock clock;
        private final ObjectMapper json = new ObjectMapper();

        Answers(SimulatedMarket market, Clock clock) {
            this.market = market;
            this.clock = clock;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            Request request = event.getRequest();
            String path = request.getUrl().split("\\?")[0];
            Object body = switch (path) {
                case "/v2/assets" -> assets();
                case "/v2/stocks/snapshots" -> snapshots(param(request, "symbols").split(","));
                case "/v2/stocks/bars" -> bars(request);
                case "/v2/calendar" -> calendar(LocalDate.parse(param(request, "start")), LocalDate.parse(param(request, "end")));
                case "/v2/clock" -> clockAnswer();
                default -> Map.of("code", 40410000, "message", "not found");
            };
            try {
                return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(json.writeValueAsString(body)).build();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private ArrayNode assets() {
            ArrayNode list = json.createArrayNode();
            int i = 0;
            for (SecurityInfo s : market.universe()) {
                list.addObject().put("id", "00000000-0000-4000-8000-" + String.format("%012d", i)).put("class", "us_equity")
                        .put("exchange", i++ % 2 == 0 ? "NASDAQ" : "NYSE").put("symbol", s.symbol()).put("name", s.name())
                        .put("status", "active").put("tradable", true).put("marginable", true).put("shortable", true)
                        .put("easy_to_borrow", true).put("fractionable", true);
            }
            // what a real universe also holds, and the adapter must leave out
            list.addObject().put("symbol", "OTCX").put("exchange", "OTC").put("status", "active").put("tradable", true);
            list.addObject().put("symbol", "HALTD").put("exchange", "NYSE").put("status", "active").put("tradable", false);
            return list;
        }

        private ObjectNode snapshots(String[] symbols) {
            Instant now = clock.instant();
            LocalDate today = session(now);
            ObjectNode answer = json.createObjectNode();
            for (String symbol : symbols) {
                List<Bar> minutes = market.intradayBars(symbol, today, now);
                List<Bar> daily = market.dailyBars(symbol, today, 1);
                if (minutes.isEmpty() || daily.isEmpty()) {
                    continue;
                }
                ObjectNode snap = answer.putObject(symbol);
                Bar last = minutes.get(minutes.size() - 1);
                snap.putObject("latestTrade").put("t", last.time().toString()).put("p", last.close()).put("s", 100);
                snap.set("minuteBar", barJson(last, last.time().minus(1, ChronoUnit.MINUTES)));
                snap.set("dailyBar", barJson(Bar.aggregate(minutes), midnight(today)));
                Bar prev = daily.get(daily.size() - 1);
                snap.set("prevDailyBar", barJson(prev, midnight(session(prev.time()))));
            }
            return answer;
        }

        private ObjectNode bars(Request request) {
            String[] symbols = param(request, "symbols").split(",");
            Instant start = Instant.parse(param(request, "start"));
            Instant end = min(Instant.parse(param(request, "end")), clock.instant());
            int limit = Integer.parseInt(param(request, "limit"));
            int offset = request.queryParameter("page_token").isPresent()
                    ? Integer.parseInt(request.queryParameter("page_token").firstValue()) : 0;
            boolean daily = "1Day".equals(param(request, "timeframe"));
            List<Map.Entry<String, ObjectNode>> all = new ArrayList<>();
            for (String symbol : symbols) {
                if (daily) {
                    LocalDate upTo = session(end);
                    // the sessions before upTo, and upTo itself once it has closed
                    List<Bar> days = market.dailyBars(symbol, ExchangeCalendar.nextTradingDay(upTo), 60);
                    for (Bar d : days) {
                        Instant t = midnight(session(d.time()));
                        if (!t.isBefore(start) && !d.time().isAfter(end)) {
                            all.add(Map.entry(symbol, barJson(d, t)));
                        }
                    }
                } else {
                    for (LocalDate day = session(start); !day.isAfter(session(end)); day = ExchangeCalendar.nextTradingDay(day)) {
                        for (Bar m : market.intradayBars(symbol, day, end)) {
                            Instant t = m.time().minus(1, ChronoUnit.MINUTES);
                            if (!t.isBefore(start)) {
                                all.add(Map.entry(symbol, barJson(m, t)));
                            }
                        }
                    }
                }
            }
            ObjectNode answer = json.createObjectNode();
            ObjectNode bars = answer.putObject("bars");
            for (Map.Entry<String, ObjectNode> e : all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()))) {
                ObjectNode parent = bars;
                (parent.has(e.getKey()) ? (ArrayNode) parent.get(e.getKey()) : parent.putArray(e.getKey())).add(e.getValue());
            }
            if (offset + limit < all.size()) {
                answer.put("next_page_token", Integer.toString(offset + limit));
            } else {
                answer.putNull("next_page_token");
            }
            return answer;
        }

        private ArrayNode calendar(LocalDate from, LocalDate to) {
            ArrayNode days = json.createArrayNode();
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                if (ExchangeCalendar.isTradingDay(d)) {
                    days.addObject().put("date", d.toString()).put("open", "09:30")
                            .put("close", ExchangeCalendar.close(d).toString()).put("session_open", "0400")
                            .put("session_close", "2000").put("settlement_date", ExchangeCalendar.nextTradingDay(d).toString());
                }
            }
            return days;
        }

        private ObjectNode clockAnswer() {
            ZonedDateTime now = clock.instant().atZone(TradingClock.EXCHANGE_ZONE);
            LocalDate today = now.toLocalDate();
            boolean open = ExchangeCalendar.isTradingDay(today) && !now.toLocalTime().isBefore(TradingClock.REGULAR_OPEN)
                    && now.toLocalTime().isBefore(ExchangeCalendar.close(today));
            LocalDate nextOpenDay = open || !ExchangeCalendar.isTradingDay(today) || !now.toLocalTime().isBefore(TradingClock.REGULAR_OPEN)
                    ? ExchangeCalendar.nextTradingDay(today) : today;
            LocalDate nextCloseDay = ExchangeCalendar.isTradingDay(today) && now.toLocalTime().isBefore(ExchangeCalendar.close(today))
                    ? today : ExchangeCalendar.nextTradingDay(today);
            return json.createObjectNode().put("timestamp", now.toOffsetDateTime().toString()).put("is_open", open)
                    .put("next_open", ZonedDateTime.of(nextOpenDay, TradingClock.REGULAR_OPEN, TradingClock.EXCHANGE_ZONE).toOffsetDateTime().toString())
                    .put("next_close", ZonedDateTime.of(nextCloseDay, ExchangeCalendar.close(nextCloseDay), TradingClock.EXCHANGE_ZONE)
                            .toOffsetDateTime().toString());
        }

        private ObjectNode barJson(Bar bar, Instant start) {
            return json.createObjectNode().put("t", start.toString()).put("o", bar.open()).put("h", bar.high()).put("l", bar.low())
                    .put("c", bar.close()).put("v", bar.volume()).put("n", Math.max(1, bar.volume() / 100))
                    .put("vw", bar.typicalPrice());
        }

        private static LocalDate session(Instant at) {
            return at.atZone(TradingClock.EXCHANGE_ZONE).toLocalDate();
        }

        private static Instant midnight(LocalDate day) {
            return day.atTime(LocalTime.MIDNIGHT).atZone(TradingClock.EXCHANGE_ZONE).toInstant();
        }

        private static Instant min(Instant a, Instant b) {
            return a.isBefore(b) ? a : b;
        }

        private static String param(Request request, String name) {
            if (!request.queryParameter(name).isPresent()) {
                throw new IllegalArgumentException("the stub needs query parameter " + name + " in " + request.getUrl());
            }
            return request.queryParameter(name).firstValue();
        }
    }
}
