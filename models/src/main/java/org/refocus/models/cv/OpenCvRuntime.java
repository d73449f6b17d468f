package org.refocus.models.cv;

/**
 * Loads OpenCV's native library (bundled for each platform in org.openpnp:opencv) once per class
 * loader, before any OpenCV class is used.
 */
public final class OpenCvRuntime {

  private static volatile boolean loaded;

  private OpenCvRuntime() {}

  public static void ensureLoaded() {
    if (!loaded) {
      synchronized (OpenCvRuntime.class) {
        if (!loaded) {
          nu.pattern.OpenCV.loadLocally();
          loaded = true;
        }
      }
    }
  }
}
