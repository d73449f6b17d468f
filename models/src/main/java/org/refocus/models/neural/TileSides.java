package org.refocus.models.neural;

import java.lang.management.ManagementFactory;
import java.util.OptionalInt;

/** What tile sizing has to go on: a side fixed by the operator, else free physical memory. */
final class TileSides {

  private TileSides() {}

  /** {@code -Drefocus.tile=N}, where set. */
  static OptionalInt fixed() {
    String fixed = System.getProperty(NeuralUpscaler.TILE_PROPERTY);
    if (fixed == null || fixed.isBlank()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(fixed.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          NeuralUpscaler.TILE_PROPERTY + "=" + fixed + " is not a tile side in pixels", e);
    }
  }

  /** The engines allocate outside the Java heap: what the machine has free, not what Java has. */
  static long freePhysicalMemory() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getFreeMemorySize();
    }
    return 2L << 30;
  }
}
