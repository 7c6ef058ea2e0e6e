package com.catalyst.scanner;

import java.util.List;

import com.catalyst.market.MarketDataPort.SecurityInfo;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The securities master ({@code securities}): scanner-sync-securities registers the market's universe through the bean
 * {@code securityRepository} once at start-up. The other tables' writes add a symbol they name that is not there yet
 * through the database's {@code get_or_create_security}, with its symbol only.
 */
@Repository("securityRepository")
public class SecurityRepository {

    static final String INSERT = "insert into securities (symbol, name, company_name, sector_id, exchange)"
            + " values (:symbol, :name, :name, :sector_id, :exchange) on conflict (symbol) do nothing";

    /** The sectors table holds the 11 SPDR sectors, ids 1 to 11 (V1). */
    static final int SECTORS = 11;

    /** For the batch: JdbcClient has none, the template's batchUpdate sends every row in one JDBC batch. */
    private final NamedParameterJdbcTemplate batches;

    public SecurityRepository(NamedParameterJdbcTemplate jdbc) {
        this.batches = jdbc;
    }

    /**
     * Adds each security of {@code universe} the master does not hold yet, in one batch, with its name (as name and
     * company name), exchange and sector; a sector id outside the 11 is stored as none. One already held is left as it is.
     */
    public void register(List<SecurityInfo> universe) {
        SqlParameterSource[] rows = universe.stream().map(s -> new MapSqlParameterSource()
                .addValue("symbol", s.symbol())
                .addValue("name", s.name())
                .addValue("sector_id", s.sectorId() >= 1 && s.sectorId() <= SECTORS ? s.sectorId() : null)
                .addValue("exchange", s.exchange()))
                .toArray(SqlParameterSource[]::new);
        batches.batchUpdate(INSERT, rows);
    }
}
