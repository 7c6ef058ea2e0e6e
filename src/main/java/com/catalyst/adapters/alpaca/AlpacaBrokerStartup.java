package com.catalyst.adapters.alpaca;

import com.catalyst.adapters.alpaca.AlpacaBroker;
import com.catalyst.adapters.alpaca.AlpacaTradingMode;
import com.catalyst.trading.BrokerPort;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the Alpaca broker for {@code catalyst.broker.adapter=alpaca}: checks the keys and the paper/live settings
 * (refusing to start when live is not confirmed), publishes the adapter's retries and rate limiter as metrics, reads
 * the account and says in one WARN line whether it trades paper or LIVE, and which account.
 */
public final class AlpacaBrokerStartup {

    private static final Logger LOG = LoggerFactory.getLogger(AlpacaBrokerStartup.class);

    private AlpacaBrokerStartup() {
    }

    public static AlpacaBroker start(AlpacaBrokerProperties props, String keyId, String secretKey, MeterRegistry meters) {
        return start(props, keyId, secretKey, meters, true);
    }

    public static AlpacaBroker start(AlpacaBrokerProperties props, String keyId, String secretKey, MeterRegistry meters,
                                     boolean tradesHere) {
        return start(props, client(props, keyId, secretKey, meters), keyId, secretKey, tradesHere);
    }

    /**
     * The process's one Alpaca REST client, with the retry and rate-limit settings of {@code catalyst.broker.alpaca.*}
     * (they cover every Alpaca call: orders, market data, news, calendar), its waits and retries published as metrics:
     * catalyst_broker_rate_limit_wait_seconds, resilience4j_retry_calls_total{name="alpaca"}, resilience4j_ratelimiter_*.
     */
    public static AlpacaRest client(AlpacaBrokerProperties props, String keyId, String secretKey, MeterRegistry meters) {
        Timer waits = Timer.builder("catalyst.broker.rate.limit.wait")
                .description("time each Alpaca request waited for the client-side rate limiter").tag("name", AlpacaRest.NAME)
                .register(meters);
        AlpacaBrokerProperties.Retry retry = props.retry();
        AlpacaBrokerProperties.RateLimit rate = props.rateLimit();
        AlpacaRest rest = new AlpacaRest(keyId, secretKey, props.connectTimeout(), props.requestTimeout(),
                new AlpacaRest.Retries(retry.maxAttempts(), retry.initialBackoff(), retry.multiplier(), retry.jitter(), retry.maxBackoff(),
                        retry.maxRetryAfter()),
                new AlpacaRest.RateLimit(rate.requestsPerMinute(), rate.burst(), rate.maxWait()), waits::record);
        TaggedRetryMetrics.ofRetryRegistry(rest.retryRegistry()).bindTo(meters);
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(rest.rateLimiterRegistry()).bindTo(meters);
        return rest;
    }

    /**
     * @param rest       the process's Alpaca client ({@link #client})
     * @param tradesHere whether this process runs the trading bundle; in split mode the others never call the broker,
     *                   so they check the settings but need no keys (compose gives them none), and neither read the
     *                   account nor announce it
     */
    public static AlpacaBroker start(AlpacaBrokerProperties props, AlpacaRest rest, String keyId, String secretKey, boolean tradesHere) {
        AlpacaTradingMode mode = tradesHere ? AlpacaTradingMode.resolve(props.mode(), props.liveConfirm(), props.url(), keyId, secretKey)
                : AlpacaTradingMode.resolve(props.mode(), props.liveConfirm(), props.url());
        AlpacaBroker broker = new AlpacaBroker(mode, rest);
        if (!tradesHere) {
            LOG.info("Broker: Alpaca {} at {}; orders go through the trading process", mode.live() ? "LIVE" : "paper", mode.baseUrl());
            return broker;
        }
        BrokerPort.Account account;
        try {
            account = broker.account();
        } catch (RuntimeException e) {
            throw new IllegalStateException("catalyst.broker.adapter=alpaca: cannot read the Alpaca account at " + mode.baseUrl()
                    + " (" + e.getMessage() + "); Catalyst does not start without knowing which account it trades", e);
        }
        LOG.warn(mode.startupLine(account.accountId()));
        return broker;
    }
}
