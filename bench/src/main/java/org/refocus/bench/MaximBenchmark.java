package org.refocus.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.refocus.models.graph.GraphExecutor;
import org.refocus.models.neural.GraphModel;
import org.refocus.models.neural.NeuralModels;
import org.refocus.models.pipeline.Pipeline;
import org.refocus.models.pipeline.Presets;

/**
 * MAXIM on the CPU.
 *
 * <ul>
 *   <li>{@code gopro [GOPRO_DIR] [TILE]}: every blurred/sharp pair of the GoPro samples (full
 *       1280×720 frames, tiled) through the {@code restore-neural} preset: PSNR/SSIM of the blurred
 *       input and of the output against the sharp frame, and the sharp frame through the same
 *       preset (it must not get worse). The published MAXIM-3S GoPro test mean is 32.86 dB.
 *   <li>{@code speed [MODEL] [SIDE] [RUNS]}: one SIDE² tile (default 256), run RUNS times (default
 *       4; the first folds the shape arithmetic and uploads constants); seconds per megapixel, peak
 *       RSS, and engine time by op in the fastest of the later runs (a shared machine's noise only
 *       ever adds time), to show the share outside convolutions and Einsums; beside each op, its
 *       floor (a copy of each of its nodes' outputs on the same engine), to show how far an unfused
 *       executor could go. Per-op times need a synchronous engine: bench/run sets {@code
 *       MXNET_ENGINE_TYPE=NaiveEngine}.
 * </ul>
 */
public final class MaximBenchmark {

  private MaximBenchmark() {}

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "gopro";
    switch (mode) {
      case "gopro" ->
          gopro(
              Path.of(args.length > 1 ? args[1] : "../shared/data/GoPro_samples"),
              args.length > 2 ? Integer.valueOf(args[2]) : null,
              args.length > 3 ? args[3] : "restore-neural");
      case "speed" ->
          speed(
              args.length > 1 ? args[1] : "maxim-deblurring",
              args.length > 2 ? Integer.parseInt(args[2]) : 256,
              args.length > 3 ? Integer.parseInt(args[3]) : 4);
      default -> throw new IllegalArgumentException("gopro or speed, not " + mode);
    }
  }

  private static void gopro(Path dir, Integer tile, String preset) throws Exception {
    List<Path> blurred;
    try (Stream<Path> files = Files.list(dir.resolve("blur"))) {
      blurred = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
    }
    System.out.printf("GoPro pairs through %s (PSNR/SSIM on RGB, 8-bit output)%n", preset);
    RestorationPairs.Tally tally = new RestorationPairs.Tally();
    try (Pipeline pipeline = new Pipeline()) {
      for (Path blurPath : blurred) {
        String name = blurPath.getFileName().toString();
        tally.add(
            RestorationPairs.compare(
                pipeline,
                RestorationPairs.withTile(Presets.load(preset), tile),
                name,
                RestorationPairs.decode(blurPath),
                RestorationPairs.decode(dir.resolve("sharp").resolve(name)),
                0));
      }
    }
    tally.print();
  }

  private static void speed(String id, int side, int runs) throws Exception {
    NeuralModels models = NeuralModels.configured();
    float[] pixels = new float[side * side * 3];
    Random random = new Random(7);
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = 0.2f + 0.6f * random.nextFloat();
    }
    System.out.printf(
        Locale.ROOT, "%s, %d² tile, engine %s%n", id, side, models.engine().describe());
    try (GraphModel model = models.loadGraph(id);
        GraphExecutor executor = model.newExecutor();
        NDManager manager = NDManager.newBaseManager(model.engine().device())) {
      List<NodeRun> fastest = null;
      double fastestSeconds = Double.MAX_VALUE;
      for (int run = 1; run <= Math.max(2, runs); run++) {
        List<NodeRun> nodes = new ArrayList<>();
        long start = System.nanoTime();
        try (NDManager call = manager.newSubManager()) {
          NDArray out =
              executor.run(
                  call.create(pixels, new Shape(1, side, side, 3)),
                  (node, result, nanos) ->
                      nodes.add(new NodeRun(node.op(), result.getShape(), nanos)));
          out.toFloatArray();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long engine = nodes.stream().mapToLong(NodeRun::nanos).sum();
        long heavy = nodes.stream().filter(NodeRun::isProduct).mapToLong(NodeRun::nanos).sum();
        System.out.printf(
            Locale.ROOT,
            "run %d: %.1f s, %.0f s/MP; in nodes %.1f s, of which convolutions and Einsums"
                + " %.1f s; outside them %.1f%% of the run%n",
            run,
            seconds,
            seconds / (side * (double) side / 1e6),
            engine / 1e9,
            heavy / 1e9,
            100.0 * (seconds - heavy / 1e9) / seconds);
        if (run > 1 && seconds < fastestSeconds) {
          fastest = nodes;
          fastestSeconds = seconds;
        }
      }
      printByOp(fastest, fastestSeconds, new CopyFloor(manager));
    }
    System.out.printf("peak RSS %d MB%n", OperatorBenchmark.peakResidentMegabytes());
  }

  /** One engine-side node of a run: its op, its output's shape, its time. */
  private record NodeRun(String op, Shape shape, long nanos) {
    boolean isProduct() {
      return isProduct(op);
    }

    /** With the bias adds fused into them (Conv2D+BiasAdd, Einsum+BiasAdd). */
    static boolean isProduct(String op) {
      return op.startsWith("Conv2D") || op.startsWith("Einsum");
    }
  }

  /**
   * The least an unfused executor can spend on a node: writing its output once, timed as a copy of
   * an array of that shape on the same engine (best of five). A view (Reshape, Squeeze, ExpandDims,
   * Identity) costs nothing. Any executor that runs each of the graph's element-wise nodes as its
   * own pass spends at least this; only fusing nodes into one another goes below it.
   */
  private static final class CopyFloor {
    private static final Set<String> VIEWS = Set.of("Reshape", "Squeeze", "ExpandDims", "Identity");
    private final NDManager manager;
    private final Map<Shape, Long> byShape = new HashMap<>();

    CopyFloor(NDManager manager) {
      this.manager = manager;
    }

    long nanos(NodeRun node) {
      return VIEWS.contains(node.op()) ? 0 : byShape.computeIfAbsent(node.shape(), this::time);
    }

    private long time(Shape shape) {
      try (NDManager scratch = manager.newSubManager()) {
        NDArray a = scratch.ones(shape);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
          long start = System.nanoTime();
          NDArray copy = a.duplicate(); // synchronous: bench/run sets the NaiveEngine
          best = Math.min(best, System.nanoTime() - start);
          copy.close();
        }
        return best;
      }
    }
  }

  private static void printByOp(List<NodeRun> nodes, double seconds, CopyFloor floor) {
    Map<String, long[]> byOp = new TreeMap<>(); // nanos, nodes, floor nanos
    for (NodeRun n : nodes) {
      long[] t = byOp.computeIfAbsent(n.op(), k -> new long[3]);
      t[0] += n.nanos();
      t[1]++;
      t[2] += n.isProduct() ? 0 : floor.nanos(n);
    }
    System.out.printf(
        Locale.ROOT,
        "by op, in the fastest later run (%.1f s); floor: each output written once at this"
            + " machine's copy speed%n",
        seconds);
    byOp.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
        .limit(15)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "  %-22s %6d nodes %7.2f s %5.1f%%   floor %6.2f s%n",
                    e.getKey(),
                    e.getValue()[1],
                    e.getValue()[0] / 1e9,
                    100.0 * e.getValue()[0] / 1e9 / seconds,
                    e.getValue()[2] / 1e9));
    double products =
        nodes.stream().filter(NodeRun::isProduct).mapToLong(NodeRun::nanos).sum() / 1e9;
    double outside = seconds - products;
    double outsideFloor = byOp.values().stream().mapToLong(t -> t[2]).sum() / 1e9;
    System.out.printf(
        Locale.ROOT,
        "outside convolutions and Einsums: %.2f s of %.2f s (%.1f%%); their floor %.2f s, so an"
            + " executor that runs each node as its own pass spends at least %.1f%% outside%n",
        outside,
        seconds,
        100 * outside / seconds,
        outsideFloor,
        100 * outsideFloor / (outsideFloor + products));
    List<Map.Entry<String, long[]>> costliest =
        byOp.entrySet().stream()
            .filter(e -> !NodeRun.isProduct(e.getKey()))
            .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
            .limit(3)
            .toList();
    double spared = costliest.stream().mapToLong(e -> e.getValue()[0]).sum() / 1e9;
    System.out.printf(
        Locale.ROOT,
        "were %s free, the rest would still be %.1f%% outside (%.2f s of %.2f s)%n",
        costliest.stream().map(Map.Entry::getKey).toList(),
        100 * (outside - spared) / (seconds - spared),
        outside - spared,
        seconds - spared);
  }
}
