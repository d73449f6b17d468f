package org.refocus.models.cli;

import java.io.PrintStream;
import java.util.List;

/** The closing line of a batch command, and its exit status. */
final class Summary {

  private Summary() {}

  static int report(PrintStream err, String verb, int succeeded, List<String> failures) {
    if (failures.isEmpty()) {
      err.printf("refocus: %d %s, 0 failed%n", succeeded, verb);
      return RefocusCli.OK;
    }
    err.printf("refocus: %d %s, %d failed:%n", succeeded, verb, failures.size());
    failures.forEach(f -> err.println("  " + f));
    return RefocusCli.SOME_FAILED;
  }
}
