package org.refocus.infrastructure.persistence.jpa;

import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The schema on H2, the default database. */
class H2SchemaMappingTest extends SchemaMappingContract {

  @Override
  DataSource emptyDatabase() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:schema-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("refocus");
    dataSource.setPassword("refocus");
    return dataSource;
  }
}
