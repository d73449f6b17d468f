package org.refocus.models.neural;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Which DJL engine and device run the neural models. MXNet on the CPU unless configured: {@code
 * -Drefocus.engine=PyTorch} or {@code REFOCUS_ENGINE=PyTorch}; a GPU is used where the chosen
 * engine finds CUDA natives and one is visible, unless {@code refocus.device=cpu}.
 *
 * <p>DJL would otherwise download natives it misses; Refocus ships them as dependencies, so it runs
 * with {@code ai.djl.offline=true} and a missing native is an error, not a download.
 */
public record InferenceEngine(String name, Device device) {

  public static final String ENGINE_PROPERTY = "refocus.engine";
  public static final String ENGINE_VARIABLE = "REFOCUS_ENGINE";
  public static final String DEVICE_PROPERTY = "refocus.device";

  private static final Set<String> SUPPORTED = Set.of("MXNet", "PyTorch");
  private static final Logger LOG = Logger.getLogger(InferenceEngine.class.getName());

  static {
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
  }

  /** The configured engine, loaded. */
  public static InferenceEngine configured() {
    String name = System.getProperty(ENGINE_PROPERTY);
    if (name == null || name.isBlank()) {
      name = System.getenv(ENGINE_VARIABLE);
    }
    return named(name == null || name.isBlank() ? "MXNet" : name.trim());
  }

  public static InferenceEngine named(String requested) {
    String name =
        SUPPORTED.stream()
            .filter(s -> s.equalsIgnoreCase(requested))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "engine '" + requested + "' is not one of " + SUPPORTED));
    Engine engine;
    try {
      engine = Engine.getEngine(name);
    } catch (RuntimeException e) {
      throw new IllegalStateException("the " + name + " engine cannot start: " + e.getMessage(), e);
    }
    warnIfSingleThreaded(name);
    return new InferenceEngine(name, device(engine));
  }

  private static Device device(Engine engine) {
    String wanted = System.getProperty(DEVICE_PROPERTY, "auto").toLowerCase(Locale.ROOT);
    if (!Set.of("auto", "cpu", "gpu").contains(wanted)) {
      throw new IllegalArgumentException(DEVICE_PROPERTY + " is auto, cpu or gpu, not " + wanted);
    }
    boolean gpu = engine.getGpuCount() > 0 && !wanted.equals("cpu");
    if (wanted.equals("gpu") && engine.getGpuCount() == 0) {
      throw new IllegalStateException(
          "refocus.device=gpu, but " + engine.getEngineName() + " finds no GPU (no CUDA natives?)");
    }
    return gpu ? Device.gpu() : Device.cpu();
  }

  /** MXNet's OpenMP pool is sized from the environment at load; Java cannot change it later. */
  private static void warnIfSingleThreaded(String name) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (name.equals("MXNet") && System.getenv("OMP_NUM_THREADS") == null && cores > 1) {
      LOG.warning(
          "OMP_NUM_THREADS is not set: MXNet will use one of "
              + cores
              + " cores; export OMP_NUM_THREADS="
              + cores
              + " before starting Java");
    }
  }

  public Engine engine() {
    return Engine.getEngine(name);
  }

  /** e.g. {@code MXNet 1.9.1 cpu()}, for step records. */
  public String describe() {
    return name + " " + engine().getVersion() + " " + device;
  }
}
