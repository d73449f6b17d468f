package org.refocus.models.graph;

import ai.djl.mxnet.engine.MxNDArray;
import ai.djl.mxnet.engine.MxNDManager;
import ai.djl.mxnet.jna.LibUtils;
import ai.djl.mxnet.jna.MxnetLibrary;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.util.PairList;
import com.sun.jna.ptr.PointerByReference;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Faster kernels for a few data-movement ops and reductions, each giving what the plain DJL call
 * gives (bit for bit, or for sums to float32 rounding). Measured on MXNet 1.9 CPU: its numpy-front
 * {@code concatenate} and {@code transpose} run 2–4× slower than the legacy operators, which have
 * oneDNN kernels; a sum over a contiguous run of axes is 6× faster as a product with a vector of
 * ones (BLAS) than as a reduction; a matrix product is twice as fast through the fully-connected
 * operator. A reshape is a view of the same memory, where the engine's reshape operator copies.
 */
final class FastPaths {

  private FastPaths() {}

  /** MXNet's C API, for the one call DJL does not expose: a reshaped view. */
  private static final class Mx {
    static final MxnetLibrary LIB = LibUtils.loadLibrary();
  }

  /**
   * x with a new shape of the same size. On MXNet a view sharing x's memory (the engine keeps the
   * memory alive while either is open), as NDArray::Reshape is; DJL's reshape runs the reshape
   * operator, which copies — 3% of MAXIM's run in its own Reshape nodes, more around every dense
   * product. Nothing in this executor writes into an array it did not just create, so a view is
   * never written through.
   */
  static NDArray reshape(NDArray x, Shape shape) {
    if (x instanceof MxNDArray source && x.getManager() instanceof MxNDManager mx) {
      if (shape.size() != x.size()) {
        throw new IllegalArgumentException(
            "cannot reshape " + x.getShape() + " to " + shape + ": sizes differ");
      }
      PointerByReference view = new PointerByReference();
      long[] dims = shape.getShape();
      if (Mx.LIB.MXNDArrayReshape64(
              source.getHandle(), dims.length, LongBuffer.wrap(dims), (byte) 0, view)
          != 0) {
        throw new IllegalStateException("reshape to " + shape + ": " + Mx.LIB.MXGetLastError());
      }
      return mx.create(view.getValue());
    }
    return x.reshape(shape);
  }

  /**
   * TensorFlow's Transpose. On MXNet, a permutation of more than 4 axes (MAXIM's block and grid
   * partitions are 6-D) runs on the engine's generic kernel, 2–3× slower than oneDNN's, which takes
   * at most 4: axes that stay neighbours in the same order are merged first, so (0,1,3,2,4,5) on
   * (n, gh, bh, gw, bw, c) runs as (0,2,1,3) on (n·gh, bh, gw, bw·c), and the result is a view with
   * the permuted shape.
   */
  static NDArray transpose(NDArray x, int[] axes) {
    long[] dims = x.getShape().getShape();
    if (dims.length > 4 && x.getManager() instanceof MxNDManager) {
      int[] runStart = mergedRuns(axes);
      if (runStart.length <= 4) {
        return mergedTranspose(x, dims, axes, runStart);
      }
    }
    return permute(x, axes);
  }

  /**
   * The positions in {@code axes} where a run of neighbouring source axes starts (axes[i] =
   * axes[i−1] + 1 continues a run).
   */
  static int[] mergedRuns(int[] axes) {
    return IntStream.range(0, axes.length)
        .filter(i -> i == 0 || axes[i] != axes[i - 1] + 1)
        .toArray();
  }

  private static NDArray mergedTranspose(NDArray x, long[] dims, int[] axes, int[] runStart) {
    int runs = runStart.length;
    // each run of the output: its merged extent, and its rank among the runs in source order
    int[] firstAxis = new int[runs];
    long[] extent = new long[runs];
    for (int r = 0; r < runs; r++) {
      int end = r + 1 < runs ? runStart[r + 1] : axes.length;
      firstAxis[r] = axes[runStart[r]];
      extent[r] = 1;
      for (int i = runStart[r]; i < end; i++) {
        extent[r] *= dims[axes[i]];
      }
    }
    int[] bySource =
        IntStream.range(0, runs)
            .boxed()
            .sorted(Comparator.comparingInt(r -> firstAxis[r]))
            .mapToInt(Integer::intValue)
            .toArray();
    long[] mergedDims = new long[runs];
    int[] rankOf = new int[runs];
    for (int j = 0; j < runs; j++) {
      mergedDims[j] = extent[bySource[j]];
      rankOf[bySource[j]] = j;
    }
    long[] outDims = new long[axes.length];
    for (int i = 0; i < axes.length; i++) {
      outDims[i] = dims[axes[i]];
    }
    NDArray merged = reshape(x, new Shape(mergedDims));
    NDArray moved = permute(merged, rankOf); // run r goes to where its source rank puts it
    NDArray out = reshape(moved, new Shape(outDims));
    merged.close();
    moved.close();
    return out;
  }

  private static NDArray permute(NDArray x, int[] axes) {
    if (x.getManager() instanceof MxNDManager mx) {
      PairList<String, Object> params = new PairList<>();
      params.add("axes", tuple(axes));
      return mx.invoke("transpose", new NDList(x), params).singletonOrThrow();
    }
    return x.transpose(axes);
  }

  static NDArray concat(NDList parts, int axis) {
    if (parts.size() > 1 && parts.head().getManager() instanceof MxNDManager mx) {
      PairList<String, Object> params = new PairList<>();
      params.add("dim", axis);
      params.add("num_args", parts.size());
      return mx.invoke("Concat", parts, params).singletonOrThrow();
    }
    return NDArrays.concat(parts, axis);
  }

  /**
   * TensorFlow's Sum. Where the summed axes are a contiguous run at either end of the float array,
   * it is a matrix-vector product: (outer × n)·1 or 1ᵀ·(n × inner).
   */
  static NDArray sum(NDArray x, int[] axes, boolean keepDims) {
    long[] dims = x.getShape().getShape();
    int rank = dims.length;
    int[] sorted = Arrays.stream(axes).map(a -> a < 0 ? a + rank : a).sorted().distinct().toArray();
    boolean contiguous =
        sorted.length > 0 && sorted[sorted.length - 1] - sorted[0] == sorted.length - 1;
    if (!contiguous || x.getDataType() != DataType.FLOAT32) {
      return x.sum(axes, keepDims);
    }
    long outer = product(dims, 0, sorted[0]);
    long n = product(dims, sorted[0], sorted[sorted.length - 1] + 1);
    long inner = product(dims, sorted[sorted.length - 1] + 1, rank);
    if (inner != 1 && outer != 1) {
      return x.sum(axes, keepDims);
    }
    NDArray ones =
        x.getManager()
            .ones(
                new Shape(inner == 1 ? n : 1, inner == 1 ? 1 : n), DataType.FLOAT32, x.getDevice());
    NDArray flat = reshape(x, inner == 1 ? new Shape(outer, n) : new Shape(n, inner));
    NDArray summed = inner == 1 ? flat.matMul(ones) : ones.matMul(flat);
    NDArray out = reshape(summed, new Shape(reducedShape(dims, sorted, keepDims)));
    ones.close();
    flat.close();
    summed.close();
    return out;
  }

  /**
   * x (…, k) · w (k, n) + bias (n, or null) → (…, n): on MXNet its fully-connected operator on x as
   * it stands (oneDNN, twice as fast as its matmul, the bias added in the same kernel; its output
   * is a fresh array, not a view, which its consumers' oneDNN kernels accept), elsewhere a plain
   * 2-D GEMM.
   */
  static NDArray matMulLastAxis(NDArray x, NDArray w, NDArray bias) {
    long[] dims = x.getShape().getShape();
    long k = dims[dims.length - 1];
    long n = w.getShape().get(1);
    if (x.getManager() instanceof MxNDManager mx && x.getDataType() == DataType.FLOAT32) {
      NDArray rows = transpose(w, new int[] {1, 0}); // the operator wants (n, k)
      PairList<String, Object> params = new PairList<>();
      params.add("num_hidden", n);
      params.add("no_bias", bias == null ? "True" : "False");
      params.add("flatten", "False");
      NDList operands = bias == null ? new NDList(x, rows) : new NDList(x, rows, bias);
      NDArray product = mx.invoke("FullyConnected", operands, params).singletonOrThrow();
      rows.close();
      return product;
    }
    NDArray flat = x.reshape(x.size() / k, k);
    NDArray product = flat.matMul(w);
    if (bias != null) {
      NDArray unbiased = product;
      product = unbiased.add(bias);
      unbiased.close();
    }
    long[] outDims = dims.clone();
    outDims[dims.length - 1] = n;
    NDArray out = product.reshape(new Shape(outDims));
    flat.close();
    product.close();
    return out;
  }

  /**
   * Layer normalisation over the last axis, (x − mean) / sqrt(variance + eps) · γ + β: on MXNet its
   * LayerNorm operator, one pass where the converted graph takes 16 (the variance comes out of a
   * second pass over x − mean, where Flax subtracts the squared mean from the mean of squares; the
   * two agree to float32 rounding unless the mean dwarfs the spread), elsewhere the graph's
   * formula.
   */
  static NDArray layerNorm(NDArray x, NDArray gamma, NDArray beta, float eps, int axis) {
    int rank = x.getShape().dimension();
    if (axis != -1 && axis != rank - 1) {
      throw new IllegalStateException("layer norm over axis " + axis + " of a rank-" + rank);
    }
    if (x.getManager() instanceof MxNDManager mx && x.getDataType() == DataType.FLOAT32) {
      PairList<String, Object> params = new PairList<>();
      params.add("axis", -1);
      params.add("eps", eps);
      params.add("output_mean_var", "False");
      NDList outputs = mx.invoke("LayerNorm", new NDList(x, gamma, beta), params);
      outputs.subNDList(1).forEach(NDArray::close); // mean and deviation, if handed out
      return outputs.head();
    }
    NDManager owner = x.getManager();
    try (NDManager scope = owner.newSubManager()) {
      x.tempAttach(scope); // the intermediates below land in scope, x goes back when it closes
      NDArray mean = x.mean(new int[] {-1}, true);
      NDArray variance = x.square().mean(new int[] {-1}, true).sub(mean.square()).maximum(0f);
      NDArray one = scope.ones(new Shape(), DataType.FLOAT32, x.getDevice());
      NDArray inverse = one.div(variance.add(eps).sqrt());
      NDArray out = x.sub(mean).mul(inverse.mul(gamma)).add(beta);
      out.attach(owner);
      return out;
    }
  }

  /**
   * GELU's tanh form 0.5·x·(1 + tanh(k·(x + c·x³))), computed as x·σ(2k·x·(1 + c·x²)) — the same
   * function (without the graph's cancellation in 1 + tanh for large negative x), in 6 passes over
   * x where the graph takes 9, all but the first writing into the one array they started: GELU is
   * MAXIM's largest element-wise cost, and each fresh array costs an allocation and a cold cache.
   * The sigmoid goes through the engine's activation kernel (oneDNN on MXNet).
   */
  static NDArray gelu(NDArray x, float cubic, float root) {
    NDArray t = x.square();
    t.muli(2 * root * cubic).addi(2 * root).muli(x);
    if (x.getManager() instanceof MxNDManager mx) {
      PairList<String, Object> params = new PairList<>();
      params.add("act_type", "sigmoid");
      mx.invoke("_npx_activation", new NDArray[] {t}, new NDArray[] {t}, params);
    } else {
      NDArray s = Activation.sigmoid(t);
      t.close();
      t = s;
    }
    return t.muli(x);
  }

  /**
   * x ≥ 0 ? x : α·x. On MXNet its LeakyReLU operator (oneDNN), which computes x > 0 ? x : α·x: the
   * same bits, since at ±0 both give the zero itself (α·±0 = ±0); one pass where the graph's
   * comparison, product and select take three, 35× as long on a 256²×16 tensor.
   */
  static NDArray leakyRelu(NDArray x, float slope) {
    if (x.getManager() instanceof MxNDManager mx && x.getDataType() == DataType.FLOAT32) {
      PairList<String, Object> params = new PairList<>();
      params.add("act_type", "leaky");
      params.add("slope", slope);
      return mx.invoke("LeakyReLU", new NDList(x), params).singletonOrThrow();
    }
    try (NDArray positive = x.gte(0f);
        NDArray scaled = x.mul(slope)) {
      return NDArrays.where(positive, x, scaled);
    }
  }

  private static long product(long[] dims, int from, int to) {
    long p = 1;
    for (int d = from; d < to; d++) {
      p *= dims[d];
    }
    return p;
  }

  private static long[] reducedShape(long[] dims, int[] sortedAxes, boolean keepDims) {
    long[] out = new long[keepDims ? dims.length : dims.length - sortedAxes.length];
    for (int d = 0, j = 0; d < dims.length; d++) {
      boolean reduced = Arrays.binarySearch(sortedAxes, d) >= 0;
      if (keepDims) {
        out[j++] = reduced ? 1 : dims[d];
      } else if (!reduced) {
        out[j++] = dims[d];
      }
    }
    return out;
  }

  private static String tuple(int[] axes) {
    return Arrays.stream(axes)
        .mapToObj(Integer::toString)
        .collect(Collectors.joining(",", "(", ")"));
  }
}
