package org.refocus.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.refocus.application.RunView.StepRunView;

class RunViewTest {

  @Test
  void aFinalJobWhoseStepIsNotYetWrittenIsNotFinished() {
    StepRunView written = step("FAILED", 4);
    StepRunView notYetWritten = step("STARTED", 0);

    assertThat(run("FAILED", List.of(written)).finished()).isTrue();
    assertThat(run("FAILED", List.of(notYetWritten)).finished()).isFalse();
    assertThat(run("STARTED", List.of(written)).finished()).isFalse();
  }

  @Test
  void aJobThatFailedBeforeAnyStepIsFinished() {
    assertThat(run("FAILED", List.of()).finished()).isTrue();
    assertThat(run("STARTING", List.of()).finished()).isFalse();
  }

  private static RunView run(String status, List<StepRunView> steps) {
    return new RunView(1, 1, "ingest-collection", 7, status, null, null, null, steps);
  }

  private static StepRunView step(String status, long writeCount) {
    return new StepRunView("ingest", status, null, writeCount, writeCount, 0, 0, 0);
  }
}
