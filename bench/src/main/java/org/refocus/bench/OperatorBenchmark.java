package org.refocus.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.refocus.models.assess.Assessor;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.jpeg.QuantisationTable;
import org.refocus.models.pipeline.Pipeline;
import org.refocus.models.pipeline.Presets;
import org.refocus.models.restore.BlindKernelEstimator;
import org.refocus.models.restore.Degradations;
import org.refocus.models.restore.HyperLaplacianDeconvolution;
import org.refocus.models.restore.JpegDeblocker;
import org.refocus.models.restore.LanczosUpscaler;
import org.refocus.models.restore.NonLocalMeansDenoiser;
import org.refocus.models.restore.PointSpreadFunction;
import org.refocus.models.restore.WienerDeconvolution;

/**
 * Speed and memory of each engine operator at 1 MP and 12 MP: megapixels per second (best of
 * several runs after a warm-up) and the process's peak resident memory. Each operator and size runs
 * in a JVM of its own with a {@value #HEAP} heap, so the peak belongs to that operator alone.
 *
 * <p>Usage: {@code OperatorBenchmark [SOURCE_IMAGE]}; the test image is tiled from a Kodak
 * photograph (../shared/data/Kodak24/kodim05.png by default) to the size wanted.
 */
public final class OperatorBenchmark {

  record Operator(String name, UnaryOperator<PlanarImage> run) {}

  static final List<Operator> OPERATORS =
      List.of(
          new Operator(
              "assess",
              image -> {
                new Assessor().assess(image);
                return image;
              }),
          new Operator(
              "wiener 15px motion",
              image ->
                  WienerDeconvolution.apply(image, PointSpreadFunction.motion(15, 30), 0.03, 1)),
          new Operator(
              "hyper-laplacian 15px",
              image ->
                  HyperLaplacianDeconvolution.apply(
                      image, PointSpreadFunction.motion(15, 30), 3e-4, 1)),
          new Operator(
              "blind kernel 15px",
              image -> {
                // the blur is part of the timing; the estimate, seconds per size tried, dominates
                BlindKernelEstimator.estimate(
                    Degradations.blur(image, PointSpreadFunction.motion(15, 30)));
                return image;
              }),
          new Operator(
              "nlm denoise σ=10", image -> NonLocalMeansDenoiser.denoise(image, 10 / 255.0, 1)),
          new Operator("lanczos x2", image -> LanczosUpscaler.upscale(image, 2)),
          new Operator(
              "jpeg deblock q50",
              image -> JpegDeblocker.apply(image, QuantisationTable.ijgLuminance(50), 0, 0)),
          new Operator("pipeline conservative", OperatorBenchmark::conservative));

  static final String HEAP = "3g";

  private OperatorBenchmark() {}

  public static void main(String[] args) throws Exception {
    String source = args.length > 0 ? args[0] : "../shared/data/Kodak24/kodim05.png";
    if (args.length == 3) {
      runOne(source, args[1], Integer.parseInt(args[2]));
      return;
    }
    System.out.printf(
        "%-24s %6s %10s %10s %12s%n", "operator", "MP", "best s", "MP/s", "peak RSS MB");
    for (int megapixels : new int[] {1, 12}) {
      for (Operator operator : OPERATORS) {
        System.out.println(fork(source, operator.name(), megapixels));
      }
    }
  }

  private static String fork(String source, String operator, int megapixels)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    // A heap only as large as the largest operator needs at 12 MP: with more, the collector lets
    // garbage pile up and the peak RSS measures when it ran, not what the operator holds (Wiener
    // at 12 MP: 1.6 GB in most runs, 8.4 GB in one, under an 8 GB heap).
    command.add("-Xmx" + HEAP);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(OperatorBenchmark.class.getName());
    command.add(source);
    command.add(operator);
    command.add(Integer.toString(megapixels));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    process.waitFor();
    return output;
  }

  private static void runOne(String source, String operatorName, int megapixels) throws Exception {
    Operator operator =
        OPERATORS.stream().filter(o -> o.name().equals(operatorName)).findFirst().orElseThrow();
    PlanarImage image = tiled(new ImageDecoder().decode(Path.of(source)).pixels(), megapixels);
    operator.run().apply(image); // warm-up: JIT, OpenCV's lazy initialisation
    int runs = megapixels > 4 ? 2 : 4;
    double best = Double.MAX_VALUE;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      operator.run().apply(image);
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    double mp = image.pixelCount() / 1e6;
    System.out.printf(
        Locale.ROOT,
        "%-24s %6.1f %10.3f %10.2f %12d",
        operatorName,
        mp,
        best,
        mp / best,
        peakResidentMegabytes());
  }

  private static PlanarImage conservative(PlanarImage image) {
    try {
      return new Pipeline().run(image, Presets.load(Presets.DEFAULT)).image();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The source repeated (mirrored, so tiles join without edges) to about that many MP. */
  static PlanarImage tiled(PlanarImage source, int megapixels) {
    double aspect = 4.0 / 3.0;
    int h = (int) Math.round(Math.sqrt(megapixels * 1e6 / aspect));
    int w = (int) Math.round(h * aspect);
    float[][] planes = new float[source.colourChannels()][w * h];
    for (int c = 0; c < planes.length; c++) {
      float[] in = source.plane(c);
      for (int y = 0; y < h; y++) {
        int sy = mirror(y, source.height());
        for (int x = 0; x < w; x++) {
          planes[c][y * w + x] = in[sy * source.width() + mirror(x, source.width())];
        }
      }
    }
    return PlanarImage.of(w, h, planes, null);
  }

  private static int mirror(int i, int n) {
    int period = 2 * n;
    int m = i % period;
    return m < n ? m : period - 1 - m;
  }

  /** VmHWM from /proc: the most resident memory this process has held. */
  static long peakResidentMegabytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }
}
