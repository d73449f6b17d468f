package org.refocus.models.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.refocus.models.tfjs.ConstTensor;
import org.refocus.models.tfjs.GraphModelFile;
import org.refocus.models.tfjs.GraphNode;
import org.refocus.models.tfjs.TfjsFormatException;

/**
 * Runs a TF.js graph model (one NHWC float input, one output) on DJL. The graph splits in two:
 * nodes computable from constants and the input's shape alone are folded on the heap by {@link
 * HostKernels} once per input shape; the rest run on the engine by {@link DeviceKernels} in
 * topological order, each intermediate closed after its last consumer. An op neither side
 * implements is refused when the graph is loaded, by name.
 *
 * <p>Not thread-safe: one executor per thread, like a DJL predictor.
 */
public final class GraphExecutor implements AutoCloseable {

  private final String input;
  private final String output;
  private final List<GraphNode> order;
  private final Set<String> host;
  private final Map<String, HostTensor> constants;
  private final Map<String, Integer> deviceUses;
  private final NDManager uploads;
  private final Map<String, NDArray> uploadedConstants = new HashMap<>();

  private long[] foldedFor;
  private Map<String, HostTensor> folded = Map.of();
  private NDManager foldedUploads;
  private final Map<String, NDArray> uploadedFolded = new HashMap<>();

  private GraphExecutor(
      String input,
      String output,
      List<GraphNode> order,
      Set<String> host,
      Map<String, HostTensor> constants,
      NDManager parent) {
    this.input = input;
    this.output = output;
    this.order = List.copyOf(order);
    this.host = Set.copyOf(host);
    this.constants = constants;
    this.uploads = parent.newSubManager();
    Map<String, Integer> uses = new HashMap<>();
    for (GraphNode node : order) {
      if (!host.contains(node.name())) {
        node.inputs().forEach(i -> uses.merge(i, 1, Integer::sum));
      }
    }
    uses.merge(output, 1, Integer::sum);
    this.deviceUses = Map.copyOf(uses);
  }

  /** Checks every op, orders the nodes and reads the constants. */
  public static GraphExecutor load(GraphModelFile file, NDManager parent)
      throws TfjsFormatException {
    if (file.inputs().size() != 1 || file.outputs().size() != 1) {
      throw new TfjsFormatException(
          file.file(),
          "one input and one output are supported, not " + file.inputs() + " → " + file.outputs());
    }
    Map<String, GraphNode> byName = new LinkedHashMap<>();
    file.nodes().forEach(n -> byName.put(n.name(), n));
    String input = file.inputs().get(0);
    String output = file.outputs().get(0);
    List<GraphNode> order = topologicalOrder(file, byName, output);
    Set<String> host = new HashSet<>();
    Map<String, String> unsupported = new TreeMap<>();
    for (GraphNode node : order) {
      boolean foldable =
          switch (node.op()) {
            case "Const" -> true;
            case "Placeholder" -> false;
            case "Shape" -> true; // of the input only: checked below
            default ->
                HostKernels.OPS.contains(node.op())
                    && node.inputs().stream().allMatch(host::contains);
          };
      if (node.op().equals("Shape") && !node.inputs().equals(List.of(input))) {
        unsupported.putIfAbsent("Shape of an intermediate", node.name());
      }
      if (foldable) {
        host.add(node.name());
      } else if (!node.op().equals("Placeholder") && !DeviceKernels.OPS.contains(node.op())) {
        unsupported.putIfAbsent(node.op(), node.name());
      }
    }
    if (!unsupported.isEmpty()) {
      throw new TfjsFormatException(
          file.file(), "unsupported ops (op = first node using it): " + unsupported);
    }
    Map<String, HostTensor> constants = new HashMap<>();
    for (Map.Entry<String, ConstTensor> c : file.readConstants().entrySet()) {
      if (byName.containsKey(c.getKey())) {
        constants.put(c.getKey(), HostKernels.constant(c.getValue()));
      }
    }
    for (GraphNode node : order) {
      if (node.op().equals("Const") && !constants.containsKey(node.name())) {
        throw new TfjsFormatException(file.file(), "constant '" + node.name() + "' has no value");
      }
    }
    return new GraphExecutor(input, output, order, host, constants, parent);
  }

  /** Kahn's algorithm over the nodes the output depends on. */
  private static List<GraphNode> topologicalOrder(
      GraphModelFile file, Map<String, GraphNode> byName, String output)
      throws TfjsFormatException {
    Set<String> needed = new HashSet<>();
    Deque<String> stack = new ArrayDeque<>(List.of(output));
    while (!stack.isEmpty()) {
      String name = stack.pop();
      GraphNode node = byName.get(name);
      if (node == null) {
        throw new TfjsFormatException(file.file(), "node '" + name + "' is read but never defined");
      }
      if (needed.add(name)) {
        stack.addAll(node.inputs());
      }
    }
    Map<String, Integer> pending = new HashMap<>();
    Map<String, List<String>> consumers = new HashMap<>();
    for (String name : needed) {
      GraphNode node = byName.get(name);
      pending.put(name, node.inputs().size());
      for (String in : node.inputs()) {
        consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(name);
      }
    }
    Deque<String> ready = new ArrayDeque<>();
    // file order among the ready nodes keeps the schedule close to the converter's
    for (GraphNode node : file.nodes()) {
      if (needed.contains(node.name()) && pending.get(node.name()) == 0) {
        ready.add(node.name());
      }
    }
    List<GraphNode> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String name = ready.poll();
      order.add(byName.get(name));
      for (String c : consumers.getOrDefault(name, List.of())) {
        if (pending.merge(c, -1, Integer::sum) == 0) {
          ready.add(c);
        }
      }
    }
    if (order.size() != needed.size()) {
      throw new TfjsFormatException(file.file(), "the graph has a cycle");
    }
    return order;
  }

  /** Nodes folded on the heap, and nodes run on the engine. */
  public int[] split() {
    return new int[] {host.size(), order.size() - host.size()};
  }

  /** Runs the graph on one NHWC float32 input; the result belongs to the input's manager. */
  public NDArray run(NDArray x) {
    long[] shape = x.getShape().getShape();
    if (!Arrays.equals(shape, foldedFor)) {
      fold(shape);
    }
    Map<String, NDArray> values = new HashMap<>();
    Map<String, Integer> remaining = new HashMap<>(deviceUses);
    values.put(input, x);
    for (GraphNode node : order) {
      if (host.contains(node.name()) || node.op().equals("Placeholder")) {
        continue;
      }
      NDArray result;
      try {
        result = DeviceKernels.apply(node, arguments(node, values));
      } catch (RuntimeException e) {
        throw new IllegalStateException(
            node.op() + " '" + node.name() + "' failed: " + e.getMessage(), e);
      }
      values.put(node.name(), result);
      for (String in : node.inputs()) {
        if (!host.contains(in) && remaining.merge(in, -1, Integer::sum) == 0 && !in.equals(input)) {
          NDArray done = values.remove(in);
          if (done != null) {
            done.close();
          }
        }
      }
    }
    NDArray out = values.get(output);
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
    HostTensor c = constants.get(name);
    return c != null ? c : folded.get(name);
  }

  /** A constant uploads once; a folded value once per input shape. */
  private NDArray upload(String name) {
    if (constants.containsKey(name)) {
      return uploadedConstants.computeIfAbsent(name, n -> toDevice(constants.get(n), uploads));
    }
    return uploadedFolded.computeIfAbsent(name, n -> toDevice(folded.get(n), foldedUploads));
  }

  private static NDArray toDevice(HostTensor t, NDManager manager) {
    Shape shape = new Shape(t.shape());
    return switch (t.type()) {
      case FLOAT -> manager.create(t.toFloats(), shape);
      case INT -> manager.create(t.toInts(), shape);
      case BOOL -> manager.create(t.toInts(), shape).toType(DataType.BOOLEAN, false);
    };
  }

  private void fold(long[] inputShape) {
    if (foldedUploads != null) {
      foldedUploads.close();
    }
    uploadedFolded.clear();
    foldedUploads = uploads.newSubManager();
    Map<String, HostTensor> values = new HashMap<>();
    for (GraphNode node : order) {
      if (!host.contains(node.name()) || node.op().equals("Const")) {
        continue;
      }
      List<HostTensor> in = new ArrayList<>();
      for (String i : node.inputs()) {
        HostTensor c = constants.get(i);
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
    folded = values;
    foldedFor = inputShape.clone();
  }

  @Override
  public void close() {
    uploads.close();
  }
}
