package org.refocus.models.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.refocus.models.tfjs.GraphModelFile;
import org.refocus.models.tfjs.GraphNode;
import org.refocus.models.tfjs.TfjsFormatException;

/**
 * Runs a {@link GraphPlan} on DJL: the folded part on the heap by {@link HostKernels} once per
 * input shape, the rest on the engine by {@link DeviceKernels} in topological order, each
 * intermediate closed after its last consumer. Constants are uploaded once per executor, folded
 * values once per input shape.
 *
 * <p>Not thread-safe: one executor per thread, like a DJL predictor; threads share the plan.
 */
public final class GraphExecutor implements AutoCloseable {

  /**
   * Told each engine-side node and how long it took (with MXNet, only meaningful when the engine
   * runs synchronously: {@code MXNET_ENGINE_TYPE=NaiveEngine}).
   */
  @FunctionalInterface
  public interface NodeTimer {
    /** {@code result} stays the executor's: read its shape, do not keep or close it. */
    void ran(GraphNode node, NDArray result, long nanos);
  }

  private static final int FOLDED_SHAPES = 4;

  private final GraphPlan plan;
  private final NDManager uploads;
  private final Map<String, NDArray> uploadedConstants = new HashMap<>();

  /**
   * Folded values for the input shapes used last, least recent first. A tiled image alternates
   * between up to four shapes (full tiles, and shorter ones at its right and bottom edges), and
   * refolding on every change would repeat the shape arithmetic several times per row of tiles.
   */
  private final Map<Shape, Folding> foldings = new LinkedHashMap<>(8, 0.75f, true);

  private Folding folding;

  /** The graph's shape arithmetic for one input shape, and those of its values uploaded so far. */
  private record Folding(
      Map<String, HostTensor> values, NDManager uploads, Map<String, NDArray> uploaded) {}

  public GraphExecutor(GraphPlan plan, NDManager parent) {
    this.plan = plan;
    this.uploads = parent.newSubManager();
  }

  /** Plans the graph and returns an executor for it. */
  public static GraphExecutor load(GraphModelFile file, NDManager parent)
      throws TfjsFormatException {
    return new GraphExecutor(GraphPlan.of(file), parent);
  }

  /** Nodes folded on the heap, and nodes run on the engine. */
  public int[] split() {
    return plan.split();
  }

  /** Runs the graph on one NHWC float32 input; the result belongs to the input's manager. */
  public NDArray run(NDArray x) {
    return run(x, null);
  }

  /** As {@link #run(NDArray)}, timing each engine-side node. */
  public NDArray run(NDArray x, NodeTimer timer) {
    folding = foldingFor(x.getShape());
    Map<String, NDArray> values = new HashMap<>();
    Map<String, Integer> remaining = new HashMap<>(plan.deviceUses);
    values.put(plan.input, x);
    for (GraphNode node : plan.order) {
      if (plan.host.contains(node.name()) || node.op().equals("Placeholder")) {
        continue;
      }
      NDArray result;
      long start = timer == null ? 0 : System.nanoTime();
      try {
        result = DeviceKernels.apply(node, arguments(node, values));
        if (timer != null) {
          timer.ran(node, result, System.nanoTime() - start);
        }
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            node.op() + " '" + node.name() + "' failed: " + e.getMessage(), e);
      }
      values.put(node.name(), result);
      for (String in : node.inputs()) {
        if (!plan.host.contains(in)
            && remaining.merge(in, -1, Integer::sum) == 0
            && !in.equals(plan.input)) {
          NDArray done = values.remove(in);
          if (done != null) {
            done.close();
          }
        }
      }
    }
    NDArray out = values.get(plan.output);
    out.attach(x.getManager());
    return out;
  }

  private DeviceKernels.Arguments arguments(GraphNode node, Map<String, NDArray> values) {
    return new DeviceKernels.Arguments() {
      @Override
      public NDArray device(int index) {
        String name = node.inputs().get(index);
        NDArray value = values.get(name);
        return value != null ? value : upload(name);
      }

      @Override
      public HostTensor host(int index) {
        String name = node.inputs().get(index);
        HostTensor value = hostValue(name);
        if (value == null) {
          throw new IllegalStateException(
              "input '" + name + "' is computed on the engine, but must be known beforehand");
        }
        return value;
      }

      @Override
      public int size() {
        return node.inputs().size();
      }
    };
  }

  private HostTensor hostValue(String name) {
    HostTensor c = plan.constants.get(name);
    return c != null ? c : folding.values().get(name);
  }

  /** A constant uploads once; a folded value once per input shape. */
  private NDArray upload(String name) {
    if (plan.constants.containsKey(name)) {
      return uploadedConstants.computeIfAbsent(name, n -> toDevice(plan.constants.get(n), uploads));
    }
    return folding
        .uploaded()
        .computeIfAbsent(name, n -> toDevice(folding.values().get(n), folding.uploads()));
  }

  private static NDArray toDevice(HostTensor t, NDManager manager) {
    Shape shape = new Shape(t.shape());
    return switch (t.type()) {
      case FLOAT -> manager.create(t.toFloats(), shape);
      case INT -> manager.create(t.toInts(), shape);
      case BOOL -> manager.create(t.toInts(), shape).toType(DataType.BOOLEAN, false);
    };
  }

  private Folding foldingFor(Shape shape) {
    Folding cached = foldings.get(shape);
    if (cached != null) {
      return cached;
    }
    if (foldings.size() == FOLDED_SHAPES) {
      Iterator<Folding> eldest = foldings.values().iterator();
      eldest.next().uploads().close();
      eldest.remove();
    }
    Folding folded = new Folding(fold(shape.getShape()), uploads.newSubManager(), new HashMap<>());
    foldings.put(shape, folded);
    return folded;
  }

  private Map<String, HostTensor> fold(long[] inputShape) {
    Map<String, HostTensor> values = new HashMap<>();
    for (GraphNode node : plan.order) {
      if (!plan.host.contains(node.name()) || node.op().equals("Const")) {
        continue;
      }
      List<HostTensor> in = new ArrayList<>();
      for (String i : node.inputs()) {
        HostTensor c = plan.constants.get(i);
        in.add(c != null ? c : values.get(i));
      }
      try {
        values.put(
            node.name(),
            node.op().equals("Shape") ? HostOps.shapeOf(inputShape) : HostKernels.apply(node, in));
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            node.op() + " '" + node.name() + "' failed while folding: " + e.getMessage(), e);
      }
    }
    return values;
  }

  @Override
  public void close() {
    uploads.close();
  }
}
