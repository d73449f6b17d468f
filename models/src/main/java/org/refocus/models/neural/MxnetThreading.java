package org.refocus.models.neural;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.util.Map;
import java.util.TreeMap;

/**
 * MXNet's threading settings. MXNet and its OpenMP read them from the process environment once,
 * when they load, and never again; Java's own view of the environment is a copy it cannot change,
 * so these are written into the C environment itself, before MXNet loads, wherever the caller has
 * not set them. Measured on 2 cores:
 *
 * <ul>
 *   <li>{@code OMP_NUM_THREADS}: unset, MXNet computes on one core (a 2048² product 400 ms against
 *       230 ms on two);
 *   <li>{@code MXNET_ENGINE_TYPE=NaiveEngine} runs each operator on the calling thread, as DJL
 *       advises for inference: MAXIM 10–15% faster than on the threaded engine, and threads infer
 *       side by side;
 *   <li>{@code MXNET_USE_OPERATOR_TUNING=0}: otherwise a load-time timing keeps scalar and
 *       same-shape arithmetic on one thread (MAXIM's GELU 2–3× slower, its 256² tile 20%).
 * </ul>
 */
final class MxnetThreading {

  private MxnetThreading() {}

  /** The C library's view of the environment, which MXNet reads. */
  private interface CLibrary extends Library {
    String getenv(String name);

    int setenv(String name, String value, int overwrite);
  }

  /** Loaded on first use; null where Java cannot write the C environment (Windows). */
  private static final class C {
    static final CLibrary LIB = Platform.isWindows() ? null : Native.load("c", CLibrary.class);
  }

  /** The settings Refocus runs MXNet with on a machine of {@code cores} cores. */
  static Map<String, String> recommended(int cores) {
    return new TreeMap<>(
        Map.of(
            "OMP_NUM_THREADS", Integer.toString(cores),
            "MXNET_ENGINE_TYPE", "NaiveEngine",
            "MXNET_USE_OPERATOR_TUNING", "0"));
  }

  /**
   * Sets each recommended variable the environment lacks; a value the caller set stays. Effective
   * only before MXNet loads. Returns the variables still unset: all that were missing where the C
   * environment cannot be written (Windows).
   */
  static Map<String, String> fillIn(int cores) {
    return fillIn(recommended(cores));
  }

  /** Sets each of {@code wanted} that the environment lacks; returns those it could not set. */
  static Map<String, String> fillIn(Map<String, String> wanted) {
    Map<String, String> missing = new TreeMap<>();
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      if (current(e.getKey()) == null
          && (C.LIB == null || C.LIB.setenv(e.getKey(), e.getValue(), 0) != 0)) {
        missing.put(e.getKey(), e.getValue());
      }
    }
    return missing;
  }

  /** The variable's value as MXNet would read it now, or null. */
  static String current(String name) {
    return C.LIB == null ? System.getenv(name) : C.LIB.getenv(name);
  }
}
