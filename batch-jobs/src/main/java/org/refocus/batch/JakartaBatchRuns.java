package org.refocus.batch;

import jakarta.batch.operations.JobExecutionAlreadyCompleteException;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.refocus.application.BatchRuns;
import org.refocus.application.IngestOptions;
import org.refocus.application.RunNotRestartableException;
import org.refocus.application.RunView;
import org.refocus.application.RunView.StepRunView;

/** The application's {@link BatchRuns} port on the Jakarta Batch runtime of the server. */
@Stateless
@Local(BatchRuns.class)
public class JakartaBatchRuns implements BatchRuns {

  static final String INGEST_JOB = "ingest-collection";
  static final String COLLECTION_ID = "collectionId";
  static final String CHECKPOINT_EVERY = "checkpointEvery";
  static final String FAIL_ON_PATH = "failOnPath";

  @Override
  public long startIngest(long collectionId, IngestOptions options) {
    Properties parameters = new Properties();
    parameters.setProperty(COLLECTION_ID, Long.toString(collectionId));
    if (options.checkpointEvery() != null) {
      parameters.setProperty(CHECKPOINT_EVERY, options.checkpointEvery().toString());
    }
    if (options.failOnPath() != null) {
      parameters.setProperty(FAIL_ON_PATH, options.failOnPath());
    }
    return operator().start(INGEST_JOB, parameters);
  }

  @Override
  public Optional<RunView> find(long executionId) {
    JobOperator operator = operator();
    try {
      JobExecution execution = operator.getJobExecution(executionId);
      List<StepRunView> steps =
          operator.getStepExecutions(executionId).stream()
              .sorted(Comparator.comparing(StepExecution::getStepExecutionId))
              .map(JakartaBatchRuns::view)
              .toList();
      return Optional.of(
          new RunView(
              executionId,
              operator.getJobInstance(executionId).getInstanceId(),
              execution.getJobName(),
              Long.parseLong(execution.getJobParameters().getProperty(COLLECTION_ID, "-1")),
              execution.getBatchStatus().name(),
              execution.getExitStatus(),
              instant(execution.getStartTime()),
              instant(execution.getEndTime()),
              steps));
    } catch (NoSuchJobExecutionException | JobSecurityException e) {
      return Optional.empty();
    }
  }

  @Override
  public long restart(long executionId) {
    JobOperator operator = operator();
    try {
      // Runtimes differ on restart parameters (JBatch starts from none, JBeret merges the
      // original ones): pass the run's own again, with fault injection cleared explicitly, so
      // the restart does what the first run meant to do on either.
      Properties parameters = new Properties();
      parameters.putAll(operator.getParameters(executionId));
      parameters.setProperty(FAIL_ON_PATH, "");
      return operator.restart(executionId, parameters);
    } catch (NoSuchJobExecutionException e) {
      throw new RunNotRestartableException("no run with execution id " + executionId);
    } catch (JobExecutionAlreadyCompleteException e) {
      throw new RunNotRestartableException("run " + executionId + " already completed");
    } catch (JobExecutionNotMostRecentException e) {
      throw new RunNotRestartableException(
          "run " + executionId + " was already restarted; restart its latest execution");
    } catch (JobRestartException e) {
      throw new RunNotRestartableException(
          "run " + executionId + " cannot be restarted: " + e.getMessage());
    }
  }

  private static StepRunView view(StepExecution step) {
    long read = 0, write = 0, commit = 0, rollback = 0, skip = 0;
    for (Metric metric : step.getMetrics()) {
      switch (metric.getType()) {
        case READ_COUNT -> read = metric.getValue();
        case WRITE_COUNT -> write = metric.getValue();
        case COMMIT_COUNT -> commit = metric.getValue();
        case ROLLBACK_COUNT -> rollback = metric.getValue();
        case READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT -> skip += metric.getValue();
        default -> {
          // FILTER_COUNT is not shown: ingest filters nothing.
        }
      }
    }
    return new StepRunView(
        step.getStepName(),
        step.getBatchStatus().name(),
        step.getExitStatus(),
        read,
        write,
        commit,
        rollback,
        skip);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static JobOperator operator() {
    return BatchRuntime.getJobOperator();
  }
}
