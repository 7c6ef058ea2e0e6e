package com.catalyst.trading;

import java.math.BigDecimal;
import java.util.List;

import com.catalyst.trading.BrokerPort.BrokerPosition;

/**
 * Where the paper broker keeps its book, so that it survives a restart as a real broker's does. Each answer the
 * broker gives is written (order, the symbol's position after it, cash after it) in one transaction before it is
 * returned: a crash after the write leaves an order the broker knows, as a timeout after sending does at Alpaca.
 */
public interface PaperLedger {

    /** The book as last written; {@code cash} is null when nothing was ever written (a new account). */
    Book load();

    /** Writes one answer: the order, then the position of its symbol ({@code null} when flat) and the cash. */
    void record(BrokerOrder order, String symbol, BrokerPosition positionAfter, BigDecimal cashAfter);

    record Book(List<BrokerOrder> orders, List<BrokerPosition> positions, BigDecimal cash) {
    }

    /** A ledger that keeps nothing: the broker starts flat each time (unit tests, and the old behaviour). */
    static PaperLedger none() {
        return new PaperLedger() {
            @Override
            public Book load() {
                return new Book(List.of(), List.of(), null);
            }

            @Override
            public void record(BrokerOrder order, String symbol, BrokerPosition positionAfter, BigDecimal cashAfter) {
                // nothing kept
            }
        };
    }
}
