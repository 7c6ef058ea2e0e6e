package com.catalyst.notify;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.env.Environment;

/**
 * The channels' secrets (Telegram's token, Slack's and the generic webhook's URLs, the SMTP password), masked out of
 * any text that leaves a channel route: a failure's message may carry the URL it called, and it goes to the log and
 * to dead_letters. Camel's own URI masking covers the token and password parameters; the webhook URLs are not
 * parameters, so they are masked here.
 */
public class NotifySecrets {

    static final String MASK = "xxxxxx";
    private final List<String> secrets;

    public NotifySecrets(Environment env) {
        this.secrets = Stream.of("catalyst.notify.telegram.token", "catalyst.notify.slack.webhook-url", "catalyst.notify.webhook.url",
                        "catalyst.notify.mail.password")
                .map(env::getProperty).filter(s -> s != null && s.length() >= 4).toList();
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, MASK);
        }
        return out;
    }
}
