package com.catalyst.scanner;

import java.util.List;
import java.util.Map;

import com.catalyst.market.MarketDataPort.SecurityInfo;
import com.catalyst.testsupport.TestDatabases;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SecurityRepository on the real PostgreSQL, the schema migrated as the application migrates it: the universe registered
 * with name, exchange and sector, a sector outside the 11 stored as none, and a security already held left as it is,
 * however often the universe is registered. No Spring context.
 */
class SecurityRepositoryIT {

    private JdbcClient jdbc;
    private SecurityRepository securities;

    @BeforeEach
    void freshSchema() {
        javax.sql.DataSource source = TestDatabases.migrated("catalyst_it_security_repository");
        jdbc = JdbcClient.create(source);
        securities = new SecurityRepository(new NamedParameterJdbcTemplate(source));
    }

    private Map<String, Object> security(String symbol) {
        return jdbc.sql("select symbol, name, company_name, sector_id, exchange from securities where symbol = :symbol")
                .param("symbol", symbol).query().singleRow();
    }

    @Test
    void theUniverseIsRegisteredWithNameExchangeAndSector() {
        securities.register(List.of(new SecurityInfo("ACME", "Acme Corp", 3, "NASDAQ"), new SecurityInfo("BOLT", "Bolt Inc", 11, "NYSE"),
                new SecurityInfo("CLIP", "Clip Ltd", 0, "NYSE"), new SecurityInfo("DART", "Dart plc", 12, "ARCA")));

        assertThat(security("ACME")).containsEntry("name", "Acme Corp").containsEntry("company_name", "Acme Corp")
                .containsEntry("sector_id", 3).containsEntry("exchange", "NASDAQ");
        assertThat(security("BOLT")).containsEntry("sector_id", 11);
        assertThat(security("CLIP")).as("no sector id").containsEntry("sector_id", null).containsEntry("exchange", "NYSE");
        assertThat(security("DART")).as("beyond the 11 sectors").containsEntry("sector_id", null);
    }

    @Test
    void aSecurityAlreadyHeldIsLeftAsItIs() {
        // a symbol a cycle's write added first, through get_or_create_security, with its symbol only
        jdbc.sql("select get_or_create_security('ACME')").query(Integer.class).single();
        securities.register(List.of(new SecurityInfo("BOLT", "Bolt Inc", 2, "NYSE")));

        securities.register(List.of(new SecurityInfo("ACME", "Acme Corp", 3, "NASDAQ"), new SecurityInfo("BOLT", "Bolt Renamed", 4, "ARCA")));

        assertThat(security("ACME")).containsEntry("name", null).containsEntry("sector_id", null);
        assertThat(security("BOLT")).containsEntry("name", "Bolt Inc").containsEntry("sector_id", 2).containsEntry("exchange", "NYSE");
        assertThat(jdbc.sql("select count(*) from securities").query(Integer.class).single()).isEqualTo(2);
    }
}
