package org.refocus.models.neural;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Sets MXNet's threading before any test runs: tests that make an NDManager directly load MXNet
 * without going through {@link InferenceEngine}, and whichever loads it first fixes its threading
 * for the whole test JVM.
 */
public final class MxnetThreadingSession implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    MxnetThreading.fillIn(Runtime.getRuntime().availableProcessors());
  }
}
