package com.catalyst.routing;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/**
 * Keeps the news branch's answer out of the cycle's fan-out and nothing else; a branch that failed or did not answer
 * in time leaves the news out, so the cycle goes on without it instead of failing.
 */
@Component("newsFanOut")
public class NewsFanOutAggregation implements AggregationStrategy {

    public static final String BRANCH = "CatalystFanOutBranch";

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        boolean newsAnswered = newExchange.getException() == null && "news".equals(newExchange.getProperty(BRANCH, String.class));
        Exchange result = oldExchange != null ? oldExchange : newExchange;
        if (newsAnswered) {
            result.getIn().setBody(newExchange.getIn().getBody());
        } else if (oldExchange == null) {
            result.getIn().setBody(null);
        }
        result.setException(null);
        return result;
    }

    @Override
    public void timeout(Exchange oldExchange, int index, int total, long timeout) {
        if (oldExchange != null) {
            oldExchange.setProperty("CatalystNewsTimedOut", true);
        }
    }
}
