package org.refocus.models.graph;

import java.util.List;
import org.refocus.models.graph.HostTensor.Type;
import org.refocus.models.tfjs.GraphNode;

/**
 * The ops of a graph's constant part, on the heap: what depends only on constants and on the
 * input's shape is computed here once per input shape, never on the engine per call.
 */
final class HostKernels {

  private HostKernels() {}

  static final java.util.Set<String> OPS =
      java.util.Set.of(
          "Identity",
          "AddV2",
          "Sub",
          "Mul",
          "RealDiv",
          "Maximum",
          "Minimum",
          "FloorDiv",
          "FloorMod",
          "Abs",
          "Neg",
          "Sign",
          "Square",
          "Rsqrt",
          "Reciprocal",
          "Exp",
          "Tanh",
          "Floor",
          "Greater",
          "GreaterEqual",
          "Less",
          "LessEqual",
          "NotEqual",
          "Equal",
          "LogicalAnd",
          "SelectV2",
          "Cast",
          "Reshape",
          "Transpose",
          "ExpandDims",
          "Squeeze",
          "Pack",
          "ConcatV2",
          "StridedSlice",
          "GatherV2",
          "Range",
          "Sum",
          "BroadcastTo");

  static HostTensor apply(GraphNode node, List<HostTensor> in) {
    HostTensor a = in.isEmpty() ? null : in.get(0);
    HostTensor b = in.size() > 1 ? in.get(1) : null;
    return switch (node.op()) {
      case "Identity" -> a;
      case "AddV2" ->
          HostOps.binary(
              a, b, (x, y) -> a.type() == Type.FLOAT ? (float) x + (float) y : (int) x + (int) y);
      case "Sub" ->
          HostOps.binary(
              a, b, (x, y) -> a.type() == Type.FLOAT ? (float) x - (float) y : (int) x - (int) y);
      case "Mul" ->
          HostOps.binary(
              a, b, (x, y) -> a.type() == Type.FLOAT ? (float) x * (float) y : (int) x * (int) y);
      case "RealDiv" -> HostOps.binary(a, b, (x, y) -> (float) x / (float) y);
      case "Maximum" -> HostOps.binary(a, b, Math::max);
      case "Minimum" -> HostOps.binary(a, b, Math::min);
      case "FloorDiv" -> HostOps.floorDiv(a, b);
      case "FloorMod" -> HostOps.floorMod(a, b);
      case "Abs" -> HostOps.unary(a, Math::abs);
      case "Neg" -> HostOps.unary(a, x -> -x);
      case "Sign" -> HostOps.unary(a, Math::signum);
      case "Square" -> HostOps.unary(a, x -> (float) x * (float) x);
      case "Rsqrt" -> HostOps.unary(a, x -> 1f / (float) Math.sqrt((float) x));
      case "Reciprocal" -> HostOps.unary(a, x -> 1f / (float) x);
      case "Exp" -> HostOps.unary(a, x -> (float) Math.exp((float) x));
      case "Tanh" -> HostOps.unary(a, x -> (float) Math.tanh((float) x));
      case "Floor" -> HostOps.unary(a, Math::floor);
      case "Greater" -> HostOps.compare(a, b, (x, y) -> x > y ? 1 : 0);
      case "GreaterEqual" -> HostOps.compare(a, b, (x, y) -> x >= y ? 1 : 0);
      case "Less" -> HostOps.compare(a, b, (x, y) -> x < y ? 1 : 0);
      case "LessEqual" -> HostOps.compare(a, b, (x, y) -> x <= y ? 1 : 0);
      case "NotEqual" -> HostOps.compare(a, b, (x, y) -> x != y ? 1 : 0);
      case "Equal" -> HostOps.compare(a, b, (x, y) -> x == y ? 1 : 0);
      case "LogicalAnd" -> HostOps.compare(a, b, (x, y) -> x != 0 && y != 0 ? 1 : 0);
      case "SelectV2" -> HostOps.select(a, b, in.get(2));
      case "Cast" -> HostOps.cast(a, type(node.typeAttribute("DstT")));
      case "Reshape" -> a.reshape(HostOps.reshapeTarget(a.size(), b));
      case "Transpose" -> HostOps.transpose(a, b.toInts());
      case "ExpandDims" -> HostOps.expandDims(a, b.intAt(0));
      case "Squeeze" -> HostOps.squeeze(a, node.intListAttribute("squeeze_dims"));
      case "Pack" -> HostOps.pack(in, (int) node.intAttribute("axis", 0));
      case "ConcatV2" ->
          HostOps.concat(in.subList(0, in.size() - 1), in.get(in.size() - 1).intAt(0));
      case "StridedSlice" -> slice(node, a, in).apply(a);
      case "GatherV2" -> gather(node, a, b, in.get(2));
      case "Range" -> HostOps.range(a.get(0), b.get(0), in.get(2).get(0), a.type());
      case "Sum" -> HostOps.sum(a, b.toInts(), node.boolAttribute("keep_dims", false));
      case "BroadcastTo" -> HostOps.broadcastTo(a, toLongs(b));
      default -> throw new IllegalStateException("no host kernel for " + node.op());
    };
  }

  static StridedSlice slice(GraphNode node, HostTensor input, List<HostTensor> in) {
    return slice(node, input.shape(), in.get(1), in.get(2), in.get(3));
  }

  static StridedSlice slice(
      GraphNode node, long[] shape, HostTensor begin, HostTensor end, HostTensor strides) {
    return StridedSlice.plan(
        shape,
        begin.toInts(),
        end.toInts(),
        strides.toInts(),
        node.intAttribute("begin_mask", 0),
        node.intAttribute("end_mask", 0),
        node.intAttribute("ellipsis_mask", 0),
        node.intAttribute("new_axis_mask", 0),
        node.intAttribute("shrink_axis_mask", 0));
  }

  private static HostTensor gather(
      GraphNode node, HostTensor params, HostTensor indices, HostTensor axis) {
    if (node.intAttribute("batch_dims", 0) != 0) {
      throw new IllegalStateException("GatherV2 '" + node.name() + "' with batch_dims");
    }
    return HostOps.gather(params, indices, axis.intAt(0));
  }

  static long[] toLongs(HostTensor t) {
    int[] v = t.toInts();
    long[] out = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }

  static Type type(String tfType) {
    return switch (tfType) {
      case "DT_FLOAT" -> Type.FLOAT;
      case "DT_INT32" -> Type.INT;
      case "DT_BOOL" -> Type.BOOL;
      default -> throw new IllegalStateException("element type " + tfType + " is not supported");
    };
  }

  static HostTensor constant(org.refocus.models.tfjs.ConstTensor c) {
    return c.isFloat()
        ? HostTensor.floats(c.shape(), c.floats())
        : HostTensor.ints(c.shape(), c.ints());
  }
}
