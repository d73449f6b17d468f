package org.refocus.infrastructure.persistence.jpa;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The schema on a real PostgreSQL server, named by {@code -Drefocus.test.postgres.url} (with {@code
 * .user} and {@code .password}); CI installs one and sets them. Without it the tests are skipped
 * with that reason. Each test gets a schema of its own.
 */
class PostgresSchemaMappingTest extends SchemaMappingContract {

  private static final String URL = System.getProperty("refocus.test.postgres.url", "");

  @Override
  DataSource emptyDatabase() throws Exception {
    assumeTrue(!URL.isBlank(), "no PostgreSQL configured (-Drefocus.test.postgres.url)");
    PGSimpleDataSource server = new PGSimpleDataSource();
    server.setURL(URL);
    server.setUser(System.getProperty("refocus.test.postgres.user", "refocus"));
    server.setPassword(System.getProperty("refocus.test.postgres.password", "refocus"));
    String schema = "schema_test_" + System.nanoTime();
    try (Connection connection = server.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    server.setCurrentSchema(schema);
    return server;
  }
}
