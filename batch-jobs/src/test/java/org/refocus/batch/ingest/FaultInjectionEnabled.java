package org.refocus.batch.ingest;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Stands in for MicroProfile Config, which Payara provides: fault injection is on in tests. */
@Dependent
public class FaultInjectionEnabled {

  @Produces
  @ConfigProperty(name = "refocus.fault-injection.enabled")
  boolean enabled() {
    return true;
  }
}
