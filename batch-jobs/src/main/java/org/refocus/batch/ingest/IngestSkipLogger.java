package org.refocus.batch.ingest;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import java.util.logging.Logger;

/** Names every file ingest had to skip, with the reason, in the server log. */
@Named("ingestSkipLogger")
@Dependent
public class IngestSkipLogger implements SkipProcessListener {

  private static final Logger LOG = Logger.getLogger(IngestSkipLogger.class.getName());

  @Override
  public void onSkipProcessItem(Object item, Exception e) {
    LOG.warning(() -> "Ingest skipped " + item + ": " + e.getMessage());
  }
}
