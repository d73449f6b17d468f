package org.refocus.infrastructure.persistence.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this release expects, before anything else runs. Flyway
 * commits each migration itself, so the bean manages no container transaction.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = "jdbc/refocus")
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    MigrateResult result = migrate(dataSource);
    String version =
        result.targetSchemaVersion != null
            ? result.targetSchemaVersion
            : result.initialSchemaVersion;
    LOG.info(
        () ->
            "Database schema at version "
                + version
                + (result.migrationsExecuted == 0
                    ? " (up to date)"
                    : " (" + result.migrationsExecuted + " migrations applied now)"));
  }

  /** The one place the migrations are configured, shared with the schema tests. */
  public static MigrateResult migrate(DataSource dataSource) {
    return Flyway.configure(SchemaMigration.class.getClassLoader())
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}
