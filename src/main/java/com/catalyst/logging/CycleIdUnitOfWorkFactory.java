package com.catalyst.logging;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.engine.DefaultUnitOfWork;
import org.apache.camel.spi.InflightRepository;
import org.apache.camel.spi.UnitOfWork;
import org.apache.camel.spi.UnitOfWorkFactory;
import org.springframework.stereotype.Component;

/** Makes Camel use {@link CycleIdUnitOfWork} (Camel picks a UnitOfWorkFactory bean from the registry). */
@Component
public class CycleIdUnitOfWorkFactory implements UnitOfWorkFactory {

    private InflightRepository inflight;
    private boolean mdc;
    private String pattern;
    private boolean allowUseOriginalMessage;
    private boolean useBreadcrumb;

    @Override
    public void afterPropertiesConfigured(CamelContext context) {
        inflight = context.getInflightRepository();
        mdc = Boolean.TRUE.equals(context.isUseMDCLogging());
        pattern = context.getMDCLoggingKeysPattern();
        allowUseOriginalMessage = Boolean.TRUE.equals(context.isAllowUseOriginalMessage());
        useBreadcrumb = Boolean.TRUE.equals(context.isUseBreadcrumb());
    }

    @Override
    public UnitOfWork createUnitOfWork(Exchange exchange) {
        return mdc ? new CycleIdUnitOfWork(exchange, inflight, pattern, allowUseOriginalMessage, useBreadcrumb)
                : new DefaultUnitOfWork(exchange, inflight, allowUseOriginalMessage, useBreadcrumb);
    }
}
