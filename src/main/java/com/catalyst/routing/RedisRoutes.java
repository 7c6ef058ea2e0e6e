package com.catalyst.routing;

import com.catalyst.health.DependencyProbe;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Every Redis command goes through these routes (camel-spring-redis on Spring's StringRedisTemplate): skipped at once
 * while Redis is down, and a failing command marks it down instead of failing the caller. Nothing needed to trade
 * lives only in Redis.
 */
@Component
public class RedisRoutes extends RouteBuilder {

    static final String REDIS = "spring-redis://catalyst?redisTemplate=#stringRedisTemplate";
    /** How long the per-symbol API answers are cached: their data change once a minute. */
    static final long API_CACHE_SECONDS = 60;

    private final DependencyProbe probe;

    public RedisRoutes(DependencyProbe probe) {
        this.probe = probe;
    }

    @Override
    public void configure() {
        // headers in: CamelRedis.Key, CamelRedis.Value (string), optional CamelRedis.Timeout (seconds)
        guarded("direct:redis-put", "redis-put", REDIS + "&command=SETEX");
        // headers in: CamelRedis.Key; body out: the cached string or null
        guarded("direct:redis-get", "redis-get", REDIS + "&command=GET");
        // headers in: CamelRedis.Channel, CamelRedis.Message
        guarded("direct:redis-publish", "redis-publish", REDIS + "&command=PUBLISH");

        // headers in: CamelRedis.Key; body: a JSON answer, cached for API_CACHE_SECONDS and kept as the body (as text)
        from("direct:api-cache-put").routeId("api-cache-put")
                .convertBodyTo(String.class)
                .setProperty("CatalystApiAnswer", body())
                .setHeader("CamelRedis.Value", body())
                .setHeader("CamelRedis.Timeout", constant(API_CACHE_SECONDS))
                .to("direct:redis-put")
                .setBody(exchangeProperty("CatalystApiAnswer"));
    }

    private void guarded(String from, String id, String command) {
        from(from).routeId(id)
                .choice()
                    .when(exchange -> !probe.isRedisUp())
                        .setBody(constant((Object) null))
                    .otherwise()
                        .doTry()
                            // commands take their arguments from headers; a GET of a missing key must answer null,
                            // not whatever body the caller had (an empty REST request body would read as a hit)
                            .setBody(constant((Object) null))
                            .to(command)
                        .doCatch(Exception.class)
                            .process(exchange -> probe.redisFailed(exchange.getProperty(org.apache.camel.Exchange.EXCEPTION_CAUGHT, Exception.class)))
                            .log(LoggingLevel.DEBUG, "Redis command skipped: ${exception.message}")
                            .setBody(constant((Object) null))
                        .end()
                .end();
    }
}
