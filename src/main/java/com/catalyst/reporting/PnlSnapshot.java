package com.catalyst.reporting;

/**
 * What the P&L gauges publish (ReportRepository.pnlSnapshot): the realized and unrealized P&L of the latest day in
 * {@code performance_daily} (0 before the first report) and the open positions in the record.
 */
public record PnlSnapshot(double realized, double unrealized, long openPositions) {
}
