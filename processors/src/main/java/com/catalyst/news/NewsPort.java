package com.catalyst.news;

import java.time.Instant;
import java.util.List;

/** Where headlines come from: simulated, replayed or Alpaca's news API, chosen by configuration. */
public interface NewsPort {

    /** Items about {@code symbol} published in [from, to], newest first. */
    List<NewsItem> news(String symbol, Instant from, Instant to);
}
