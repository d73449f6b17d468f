package org.refocus.models.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
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
 * What a TF.js graph model becomes before it runs: the nodes the output needs in topological order,
 * which of them fold on the heap (constants and everything computable from constants and the
 * input's shape alone), and the constants' values. Immutable: one plan serves every {@link
 * GraphExecutor}, so the 22 M parameters of a MAXIM model are read and held once per process, not
 * once per thread.
 */
public final class GraphPlan {

  final String input;
  final String output;
  final List<GraphNode> order;
  final Set<String> host;
  final Map<String, HostTensor> constants;

  /** How many engine-side nodes read each value: it is closed when the count reaches zero. */
  final Map<String, Integer> deviceUses;

  private GraphPlan(
      String input,
      String output,
      List<GraphNode> order,
      Set<String> host,
      Map<String, HostTensor> constants) {
    this.input = input;
    this.output = output;
    this.order = List.copyOf(order);
    this.host = Set.copyOf(host);
    this.constants = Map.copyOf(constants);
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
  public static GraphPlan of(GraphModelFile file) throws TfjsFormatException {
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
    return new GraphPlan(
        input, output, Fusions.apply(order, host, constants, output), host, constants);
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
    int folded = (int) order.stream().filter(n -> host.contains(n.name())).count();
    return new int[] {folded, order.size() - folded};
  }
}
