package com.catalyst.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts the API caches' lookups as {@code catalyst_cache_requests_total{cache=…,result="hit|miss"}}. Routes call
 * {@code hit(name)} or {@code miss(name)} after {@code direct:redis-get}; a lookup while Redis is down is a miss.
 */
@Component("cacheMetrics")
public class CacheMetrics {

    private final MeterRegistry registry;

    public CacheMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void hit(String cache) {
        counter(cache, "hit").increment();
    }

    public void miss(String cache) {
        counter(cache, "miss").increment();
    }

    // the registry returns the existing counter for the same name and tags, so nothing is cached here
    private Counter counter(String cache, String result) {
        return Counter.builder("catalyst.cache.requests").tag("cache", cache).tag("result", result)
                .description("API cache lookups in Redis").register(registry);
    }
}
