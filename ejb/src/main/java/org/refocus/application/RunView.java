package org.refocus.application;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One execution of a batch job, as the console and the API show it.
 *
 * @param batchStatus STARTING, STARTED, STOPPING, STOPPED, FAILED, COMPLETED or ABANDONED
 * @param collectionId the collection the run works on
 */
public record RunView(
    long executionId,
    long jobInstanceId,
    String jobName,
    long collectionId,
    String batchStatus,
    String exitStatus,
    Instant startedAt,
    Instant endedAt,
    List<StepRunView> steps)
    implements Serializable {

  /**
   * Whether the run is over: its batch status and every step's are final. Payara's batch runtime
   * can show the job FAILED a moment before it writes the failed step's record, whose counts read
   * in that moment are still zero.
   */
  public boolean finished() {
    return isFinal(batchStatus) && steps.stream().allMatch(step -> isFinal(step.batchStatus()));
  }

  private static boolean isFinal(String batchStatus) {
    return switch (batchStatus) {
      case "COMPLETED", "FAILED", "STOPPED", "ABANDONED" -> true;
      default -> false;
    };
  }

  /** One step of a run, with the counts Jakarta Batch keeps for it. */
  public record StepRunView(
      String stepName,
      String batchStatus,
      String exitStatus,
      long readCount,
      long writeCount,
      long commitCount,
      long rollbackCount,
      long skipCount)
      implements Serializable {}
}
