package com.catalyst.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * A sweep's trials through Kafka (docs/research.md): the dispatch where {@code catalyst.sweep.engine=kafka} and the
 * worker's bean, which routes/backtest-worker.camel.yaml calls where the process is a worker.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SweepKafkaProperties.class)
public class SweepKafkaConfiguration {

    /** Wherever Kafka is configured, so that a request can ask for engine kafka even when in-process is the default. */
    @Bean
    SweepTrialDispatch sweepTrialDispatch(CamelContext camel, SweepKafkaProperties kafka, ObjectMapper json, Environment env) {
        boolean kafkaEngine = "kafka".equals(env.getProperty("catalyst.sweep.engine"));
        boolean worker = env.getProperty("catalyst.sweep.worker.enabled", Boolean.class, false);
        if (kafka.bootstrapServers().isBlank()) {
            if (kafkaEngine || worker) {
                throw new IllegalStateException((worker ? "CATALYST_BUNDLES=backtest-worker" : "CATALYST_SWEEP_ENGINE=kafka")
                        + " needs KAFKA_BOOTSTRAP_SERVERS (catalyst.sweep.kafka.bootstrap-servers), host:port of the Kafka broker");
            }
            return null;
        }
        return new SweepTrialDispatch(camel, kafka, json);
    }

    @Bean
    SweepWorker sweepWorker(SweepTrials trials, ObjectMapper json) {
        return new SweepWorker(trials, json);
    }
}
