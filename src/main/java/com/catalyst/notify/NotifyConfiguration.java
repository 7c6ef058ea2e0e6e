package com.catalyst.notify;

import com.catalyst.market.clock.TradingClock;
import com.catalyst.trading.OrderRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The notification beans the desks and routes/notify.camel.yaml use (docs/notifications.md). */
@Configuration
@EnableConfigurationProperties(NotifyProperties.class)
public class NotifyConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyConfiguration.class);

    @Bean
    public Notifications notifications(ProducerTemplate producer, ObjectMapper json, MeterRegistry meters, NotifyProperties props) {
        return new Notifications(producer, json, meters, props.queueSizeOrDefault());
    }

    @Bean
    public NotifyDispatch notifyDispatch(OrderRepository orders, ProducerTemplate producer, NotifyProperties props, Environment env,
                                         MeterRegistry meters) {
        return new NotifyDispatch(orders, producer, props, env, meters);
    }

    @Bean
    public NotifySecrets notifySecrets(Environment env) {
        return new NotifySecrets(env);
    }

    @Bean
    public DailyReportNotice dailyReportNotice(TradingClock clock, @Value("${catalyst.notify.report-base-url}") String reportBase) {
        return new DailyReportNotice(clock, reportBase);
    }

    /** The breakers exist once the routes have started: watched from then on. */
    @Bean
    public CamelContextConfiguration brokerBreakerWatch(Notifications notifications, NotifyDispatch dispatch) {
        BrokerBreakerWatch watch = new BrokerBreakerWatch(notifications);
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                int breakers = watch.watch(camel);
                LOG.info("Notifications: channels on {}, {} broker circuit breaker(s) watched",
                        NotifyDispatch.CHANNELS.stream().filter(dispatch::enabled).toList(), breakers);
            }
        };
    }
}
