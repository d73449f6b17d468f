package org.refocus.models.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import org.refocus.models.graph.HostTensor.Type;

/**
 * TensorFlow ops on {@link HostTensor}s, written plainly after TensorFlow's own definitions (numpy
 * broadcasting, int division flooring toward −∞, StridedSlice's masks). Used to fold the graphs'
 * shape arithmetic once per input shape, and as the reference for engine kernels.
 */
public final class HostOps {

  private HostOps() {}

  // ---- element-wise --------------------------------------------------------------------------

  public static HostTensor unary(HostTensor x, DoubleUnaryOperator f) {
    double[] out = new double[x.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = f.applyAsDouble(x.get(i));
    }
    return x.withValues(x.shape(), out);
  }

  /** Arithmetic with broadcasting; the result has the inputs' type. */
  public static HostTensor binary(HostTensor a, HostTensor b, DoubleBinaryOperator f) {
    return broadcast(a, b, f, a.type());
  }

  /** A comparison or logical op with broadcasting: the result is bool. */
  public static HostTensor compare(HostTensor a, HostTensor b, DoubleBinaryOperator f) {
    return broadcast(a, b, f, Type.BOOL);
  }

  /** TF's FloorDiv: integer division rounding toward −∞ (floats: floor(a / b)). */
  public static HostTensor floorDiv(HostTensor a, HostTensor b) {
    if (a.type() == Type.INT) {
      return binary(a, b, (x, y) -> Math.floorDiv((int) x, (int) y));
    }
    return binary(a, b, (x, y) -> Math.floor((float) x / (float) y));
  }

  /** TF's FloorMod: the remainder with the divisor's sign. */
  public static HostTensor floorMod(HostTensor a, HostTensor b) {
    if (a.type() == Type.INT) {
      return binary(a, b, (x, y) -> Math.floorMod((int) x, (int) y));
    }
    return binary(
        a,
        b,
        (x, y) -> {
          float r = (float) x % (float) y;
          return r != 0 && (r < 0) != (y < 0) ? r + y : r;
        });
  }

  public static HostTensor cast(HostTensor x, Type type) {
    double[] out = new double[x.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = x.get(i);
    }
    return HostTensor.of(type, x.shape(), out);
  }

  /** SelectV2: {@code condition ? a : b}, all three broadcast together. */
  public static HostTensor select(HostTensor condition, HostTensor a, HostTensor b) {
    long[] shape = broadcastShape(broadcastShape(condition.shape(), a.shape()), b.shape());
    int n = (int) HostTensor.size(shape);
    int[] ic = broadcastIndex(condition.shape(), shape);
    int[] ia = broadcastIndex(a.shape(), shape);
    int[] ib = broadcastIndex(b.shape(), shape);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = condition.get(ic[i]) != 0 ? a.get(ia[i]) : b.get(ib[i]);
    }
    return HostTensor.of(a.type(), shape, out);
  }

  private static HostTensor broadcast(
      HostTensor a, HostTensor b, DoubleBinaryOperator f, Type type) {
    long[] shape = broadcastShape(a.shape(), b.shape());
    int n = (int) HostTensor.size(shape);
    int[] ia = broadcastIndex(a.shape(), shape);
    int[] ib = broadcastIndex(b.shape(), shape);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = f.applyAsDouble(a.get(ia[i]), b.get(ib[i]));
    }
    return HostTensor.of(type, shape, out);
  }

  static long[] broadcastShape(long[] a, long[] b) {
    int rank = Math.max(a.length, b.length);
    long[] out = new long[rank];
    for (int i = 0; i < rank; i++) {
      long da = i < rank - a.length ? 1 : a[i - (rank - a.length)];
      long db = i < rank - b.length ? 1 : b[i - (rank - b.length)];
      if (da != db && da != 1 && db != 1) {
        throw new IllegalArgumentException(
            "shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
      }
      out[i] = da == 1 ? db : da;
    }
    return out;
  }

  /** For each element of {@code target}, the index of the element of {@code source} it reads. */
  static int[] broadcastIndex(long[] source, long[] target) {
    int n = (int) HostTensor.size(target);
    int rank = target.length;
    int offset = rank - source.length;
    long[] strides = new long[rank];
    long stride = 1;
    for (int d = rank - 1; d >= 0; d--) {
      long dim = d < offset ? 1 : source[d - offset];
      strides[d] = dim == 1 ? 0 : stride;
      stride *= dim;
    }
    int[] index = new int[n];
    long[] position = new long[rank];
    for (int i = 0; i < n; i++) {
      long s = 0;
      for (int d = 0; d < rank; d++) {
        s += position[d] * strides[d];
      }
      index[i] = (int) s;
      for (int d = rank - 1; d >= 0; d--) {
        if (++position[d] < target[d]) {
          break;
        }
        position[d] = 0;
      }
    }
    return index;
  }

  public static HostTensor broadcastTo(HostTensor x, long[] shape) {
    int[] index = broadcastIndex(x.shape(), broadcastShape(x.shape(), shape));
    double[] out = new double[index.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = x.get(index[i]);
    }
    return x.withValues(shape, out);
  }

  // ---- shapes --------------------------------------------------------------------------------

  public static HostTensor shapeOf(long[] shape) {
    int[] dims = new int[shape.length];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = Math.toIntExact(shape[i]);
    }
    return HostTensor.vector(dims);
  }

  /** Reshape with at most one −1, inferred. */
  public static long[] reshapeTarget(long size, HostTensor target) {
    int[] dims = target.toInts();
    long[] shape = new long[dims.length];
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException("reshape to " + target + ": two unknown dimensions");
        }
        unknown = i;
      } else {
        shape[i] = dims[i];
        known *= dims[i];
      }
    }
    if (unknown >= 0) {
      shape[unknown] = known == 0 ? 0 : size / known;
    }
    if (HostTensor.size(shape) != size) {
      throw new IllegalArgumentException(size + " elements cannot be reshaped to " + target);
    }
    return shape;
  }

  public static HostTensor transpose(HostTensor x, int[] perm) {
    long[] in = x.shape();
    long[] out = new long[perm.length];
    for (int i = 0; i < perm.length; i++) {
      out[i] = in[perm[i]];
    }
    long[] inStrides = strides(in);
    int n = x.size();
    double[] values = new double[n];
    long[] position = new long[out.length];
    for (int i = 0; i < n; i++) {
      long s = 0;
      for (int d = 0; d < out.length; d++) {
        s += position[d] * inStrides[perm[d]];
      }
      values[i] = x.get((int) s);
      for (int d = out.length - 1; d >= 0; d--) {
        if (++position[d] < out[d]) {
          break;
        }
        position[d] = 0;
      }
    }
    return x.withValues(out, values);
  }

  static long[] strides(long[] shape) {
    long[] strides = new long[shape.length];
    long s = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      strides[d] = s;
      s *= shape[d];
    }
    return strides;
  }

  public static HostTensor expandDims(HostTensor x, int axis) {
    int rank = x.rank();
    int a = axis < 0 ? axis + rank + 1 : axis;
    long[] shape = new long[rank + 1];
    for (int i = 0, j = 0; i <= rank; i++) {
      shape[i] = i == a ? 1 : x.dim(j++);
    }
    return x.reshape(shape);
  }

  /** Squeeze the given axes (all size-1 axes when none are given). */
  public static HostTensor squeeze(HostTensor x, List<Long> axes) {
    List<Long> kept = new ArrayList<>();
    for (int d = 0; d < x.rank(); d++) {
      final int axis = d;
      boolean named = axes.stream().anyMatch(a -> (a < 0 ? a + x.rank() : a) == axis);
      if (x.dim(d) == 1 && (axes.isEmpty() || named)) {
        continue;
      }
      if (named) {
        throw new IllegalArgumentException("cannot squeeze axis " + d + " of " + x);
      }
      kept.add(x.dim(d));
    }
    return x.reshape(kept.stream().mapToLong(Long::longValue).toArray());
  }

  /** Pack (tf.stack) along a new axis. */
  public static HostTensor pack(List<HostTensor> parts, int axis) {
    List<HostTensor> expanded = new ArrayList<>();
    for (HostTensor p : parts) {
      expanded.add(expandDims(p, axis));
    }
    int a = axis < 0 ? axis + parts.get(0).rank() + 1 : axis;
    return concat(expanded, a);
  }

  public static HostTensor concat(List<HostTensor> parts, int axis) {
    HostTensor first = parts.get(0);
    int rank = first.rank();
    int a = axis < 0 ? axis + rank : axis;
    long[] shape = first.shape();
    shape[a] = 0;
    for (HostTensor p : parts) {
      shape[a] += p.dim(a);
    }
    long outer = 1;
    for (int d = 0; d < a; d++) {
      outer *= shape[d];
    }
    double[] out = new double[(int) HostTensor.size(shape)];
    int o = 0;
    for (long i = 0; i < outer; i++) {
      for (HostTensor p : parts) {
        long inner = 1;
        for (int d = a; d < rank; d++) {
          inner *= p.dim(d);
        }
        for (long j = 0; j < inner; j++) {
          out[o++] = p.get((int) (i * inner + j));
        }
      }
    }
    return HostTensor.of(first.type(), shape, out);
  }

  public static HostTensor range(double start, double limit, double delta, Type type) {
    int n = (int) Math.max(0, Math.ceil((limit - start) / delta));
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = start + i * delta;
    }
    return HostTensor.of(type, new long[] {n}, out);
  }

  /** Sum over the given axes (negative counts from the end). */
  public static HostTensor sum(HostTensor x, int[] axes, boolean keepDims) {
    int rank = x.rank();
    boolean[] reduced = new boolean[rank];
    for (int a : axes) {
      reduced[a < 0 ? a + rank : a] = true;
    }
    long[] kept = new long[rank];
    for (int d = 0; d < rank; d++) {
      kept[d] = reduced[d] ? 1 : x.dim(d);
    }
    long[] keptStrides = strides(kept);
    double[] out = new double[(int) HostTensor.size(kept)];
    long[] position = new long[rank];
    for (int i = 0; i < x.size(); i++) {
      long o = 0;
      for (int d = 0; d < rank; d++) {
        o += reduced[d] ? 0 : position[d] * keptStrides[d];
      }
      out[(int) o] += x.get(i);
      for (int d = rank - 1; d >= 0; d--) {
        if (++position[d] < x.dim(d)) {
          break;
        }
        position[d] = 0;
      }
    }
    if (keepDims) {
      return x.withValues(kept, out);
    }
    long[] shape = new long[rank - (int) Arrays.stream(axes).distinct().count()];
    for (int d = 0, j = 0; d < rank; d++) {
      if (!reduced[d]) {
        shape[j++] = x.dim(d);
      }
    }
    return x.withValues(shape, out);
  }

  /** GatherV2 with batch_dims 0: slices of {@code params} along {@code axis} at {@code indices}. */
  public static HostTensor gather(HostTensor params, HostTensor indices, int axis) {
    int rank = params.rank();
    int a = axis < 0 ? axis + rank : axis;
    long outer = 1;
    for (int d = 0; d < a; d++) {
      outer *= params.dim(d);
    }
    long inner = 1;
    for (int d = a + 1; d < rank; d++) {
      inner *= params.dim(d);
    }
    long[] idxShape = indices.shape();
    long[] shape = new long[rank - 1 + idxShape.length];
    int s = 0;
    for (int d = 0; d < a; d++) {
      shape[s++] = params.dim(d);
    }
    for (long d : idxShape) {
      shape[s++] = d;
    }
    for (int d = a + 1; d < rank; d++) {
      shape[s++] = params.dim(d);
    }
    double[] out = new double[(int) HostTensor.size(shape)];
    int o = 0;
    for (long i = 0; i < outer; i++) {
      for (int k = 0; k < indices.size(); k++) {
        long index = indices.intAt(k);
        if (index < 0 || index >= params.dim(a)) {
          throw new IllegalArgumentException(
              "gather index " + index + " outside [0, " + params.dim(a) + ")");
        }
        for (long j = 0; j < inner; j++) {
          out[o++] = params.get((int) ((i * params.dim(a) + index) * inner + j));
        }
      }
    }
    return params.withValues(shape, out);
  }
}
