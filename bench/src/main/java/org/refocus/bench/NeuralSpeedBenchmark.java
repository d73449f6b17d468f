package org.refocus.bench;

import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.neural.InferenceEngine;
import org.refocus.models.neural.NeuralModel;
import org.refocus.models.neural.NeuralModels;

/**
 * Speed of the neural upscalers per engine: input megapixels per second on one 256×256 tile, and
 * the GFLOP/s that achieves (2 × the graph's multiply-adds ÷ time) against the ceiling measured in
 * the same JVM: a plain 64→64 3×3 convolution on 1×64×512×512, the operation these models are made
 * of. Each engine runs in a JVM of its own.
 *
 * <p>Usage: {@code NeuralSpeedBenchmark [ENGINE...]} (default MXNet PyTorch).
 */
public final class NeuralSpeedBenchmark {

  private static final List<String> MODELS =
      List.of(
          "esrgan-slim-x2",
          "esrgan-slim-x4",
          "esrgan-medium-x4",
          "esrgan-thick-x2",
          "esrgan-thick-x4");

  private static final int SIDE = 256;

  private NeuralSpeedBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--engine")) {
      runEngine(args[1]);
      return;
    }
    List<String> engines = args.length > 0 ? List.of(args) : List.of("MXNet", "PyTorch");
    System.out.printf(
        "OMP_NUM_THREADS=%s, %d cores%n",
        System.getenv("OMP_NUM_THREADS"), Runtime.getRuntime().availableProcessors());
    System.out.printf(
        "%-8s %-18s %8s %10s %10s %10s %8s%n",
        "engine", "model", "GFLOP/px", "best s", "MP/s", "GFLOP/s", "ceiling");
    for (String engine : engines) {
      List<String> command = new ArrayList<>();
      command.add(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx4g");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(NeuralSpeedBenchmark.class.getName());
      command.add("--engine");
      command.add(engine);
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().transferTo(System.out);
      p.waitFor();
    }
  }

  private static void runEngine(String name) throws Exception {
    InferenceEngine engine = InferenceEngine.named(name);
    double ceiling = convCeiling(engine);
    System.out.printf(
        Locale.ROOT,
        "%-8s %-18s %8s %10s %10s %10.1f %8s%n",
        name,
        "conv 64→64 3×3",
        "",
        "",
        "",
        ceiling,
        "100%");
    NeuralModels models =
        new NeuralModels(
            org.refocus.models.store.ModelStore.configured(),
            org.refocus.models.store.ModelCatalog.bundled(),
            engine);
    PlanarImage tile =
        crop(
            new ImageDecoder()
                .decode(java.nio.file.Path.of("../shared/data/Kodak24/kodim05.png"))
                .pixels()
                .withoutAlpha());
    for (String id : MODELS) {
      try (NeuralModel model = models.load(id);
          Predictor<PlanarImage, PlanarImage> predictor = model.newPredictor()) {
        predictor.predict(tile); // warm-up: kernel selection, memory pools
        int runs = model.multiplyAddsPerPixel() > 1e6 ? 2 : 4;
        double best = Double.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
          long start = System.nanoTime();
          predictor.predict(tile);
          best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
        double pixels = (double) SIDE * SIDE;
        double gflop = 2 * model.multiplyAddsPerPixel() * pixels / 1e9;
        System.out.printf(
            Locale.ROOT,
            "%-8s %-18s %8.4f %10.3f %10.3f %10.1f %7.0f%%%n",
            name,
            id,
            2 * model.multiplyAddsPerPixel() / 1e9,
            best,
            pixels / 1e6 / best,
            gflop / best,
            100 * gflop / best / ceiling);
      }
    }
  }

  /** GFLOP/s of a 64→64 3×3 convolution, same padding, on 1×64×512×512: best of 5. */
  static double convCeiling(InferenceEngine engine) {
    try (NDManager manager = NDManager.newBaseManager(engine.device(), engine.name())) {
      NDArray x = manager.randomUniform(0, 1, new Shape(1, 64, 512, 512));
      NDArray w = manager.randomUniform(-0.05f, 0.05f, new Shape(64, 64, 3, 3));
      NDArray b = manager.zeros(new Shape(64));
      double flop = 2.0 * 512 * 512 * 64 * 64 * 9;
      double best = Double.MAX_VALUE;
      for (int i = 0; i < 6; i++) {
        long start = System.nanoTime();
        try (NDArray y =
            Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(1, 1), new Shape(1, 1), 1)
                .singletonOrThrow()) {
          y.toFloatArray(); // engines compute lazily: wait for the result
        }
        if (i > 0) {
          best = Math.min(best, (System.nanoTime() - start) / 1e9);
        }
      }
      return flop / best / 1e9;
    }
  }

  private static PlanarImage crop(PlanarImage image) {
    float[][] planes = new float[3][SIDE * SIDE];
    for (int c = 0; c < 3; c++) {
      for (int y = 0; y < SIDE; y++) {
        System.arraycopy(
            image.plane(c), (100 + y) * image.width() + 200, planes[c], y * SIDE, SIDE);
      }
    }
    return PlanarImage.of(SIDE, SIDE, planes, null);
  }
}
