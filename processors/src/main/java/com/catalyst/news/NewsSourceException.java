package com.catalyst.news;

/**
 * A news source could not serve the request: refused (a wrong key, a spent allowance), unavailable after its retries,
 * or resting after it asked us to back off. The message says which source, which setting and what to do; it never
 * carries a key. The cycle goes on without news (news_status = missing).
 */
public final class NewsSourceException extends IllegalStateException {

    public NewsSourceException(String message) {
        super(message);
    }
}
