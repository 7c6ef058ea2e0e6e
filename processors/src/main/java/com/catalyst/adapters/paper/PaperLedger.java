package com.catalyst.adapters.paper;

import com.catalyst.trading.BrokerOrder;
import com.catalyst.trading.BrokerPort;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.catalyst.trading.BrokerPort.BrokerPosition;

/**
 * Where the paper broker keeps its book, so that it survives a restart as a real broker's does. Each change the
 * broker makes (the orders it touched with their fills, the positions of their symbols, the cash) is written in one
 * transaction before it answers: a crash after the write leaves an order the broker knows, as a timeout after sending
 * does at Alpaca.
 */
public interface PaperLedger {

    /** The book as last written; {@code cash} is null when nothing was ever written (a new account). */
    Book load();

    /**
     * Writes one change: each order as it now stands (inserted or updated, with any new fills), each touched symbol's
     * position ({@code null} value when flat) and the cash.
     */
    void write(List<BrokerOrder> orders, Map<String, BrokerPosition> positionsAfter, BigDecimal cashAfter);

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
            public void write(List<BrokerOrder> orders, Map<String, BrokerPosition> positionsAfter, BigDecimal cashAfter) {
                // nothing kept
            }
        };
    }
}
