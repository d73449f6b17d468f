package org.refocus.models.neural;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

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
    if (name.equals("MXNet")) {
      setThreadingBeforeMxnetLoads();
    }
    Engine engine;
    try {
      engine = Engine.getEngine(name);
    } catch (RuntimeException e) {
      throw new IllegalStateException("the " + name + " engine cannot start: " + e.getMessage(), e);
    }
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

  /**
   * Fills in the threading settings the environment lacks ({@link MxnetThreading}); where it
   * cannot, says which are missing, since MXNet then runs slower than it can.
   */
  private static void setThreadingBeforeMxnetLoads() {
    int cores = Runtime.getRuntime().availableProcessors();
    Map<String, String> missing = MxnetThreading.fillIn(cores);
    if (!missing.isEmpty() && cores > 1) {
      LOG.warning(
          "MXNet runs slower than it can: "
              + missing.keySet()
              + " not set; export "
              + missing.entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(" "))
              + " before starting Java");
    }
  }

  public Engine engine() {
    return Engine.getEngine(name);
  }

  /**
   * Starts the engine's scheduler now, with one tiny operation, rather than inside the first image:
   * MXNet announces it on stderr, which a caller drawing a progress line wants out of the way
   * first.
   */
  public void start() {
    try (NDManager manager = engine().newBaseManager(device)) {
      manager.zeros(new Shape(1)).close();
    }
  }

  /** e.g. {@code MXNet 1.9.1 cpu()}, for step records. */
  public String describe() {
    return name + " " + engine().getVersion() + " " + device;
  }
}
