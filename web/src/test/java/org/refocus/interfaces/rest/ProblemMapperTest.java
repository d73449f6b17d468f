package org.refocus.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import org.junit.jupiter.api.Test;
import org.refocus.application.CollectionRejectedException;
import org.refocus.application.RunNotRestartableException;
import org.refocus.application.UnknownCollectionException;

class ProblemMapperTest {

  @Test
  void mapsRefusalsToStatusCodesWithTheirMessage() {
    assertProblem(new CollectionRejectedException("root gone"), 400, "root gone");
    assertProblem(new BadRequestProblem("name required"), 400, "name required");
    assertProblem(new UnknownCollectionException(7), 404, "no collection with id 7");
    assertProblem(
        new RunNotRestartableException("run 3 already completed"), 409, "run 3 already completed");
  }

  @Test
  void looksThroughEjbExceptionWrappers() {
    assertProblem(
        new EJBException(new UnknownCollectionException(5)), 404, "no collection with id 5");
  }

  @Test
  void anythingElseIsAnInternalErrorThatNamesTheCause() {
    assertProblem(new IllegalStateException("disk full"), 500, "disk full");
  }

  private static void assertProblem(Exception exception, int status, String message) {
    Problem problem = ProblemMapper.problemFor(exception);

    assertThat(problem.status()).isEqualTo(status);
    assertThat(problem.message()).contains(message);
  }
}
