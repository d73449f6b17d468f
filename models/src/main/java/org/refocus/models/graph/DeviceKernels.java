package org.refocus.models.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import java.util.List;
import java.util.Set;
import org.refocus.models.tfjs.GraphNode;

/**
 * The ops of a graph's data path, on the engine, with TensorFlow's semantics: NHWC convolutions
 * (run as NCHW, the engines' layout, between two transposes), the three Einsum equations MAXIM uses
 * as the matrix products they are, numpy broadcasting for element-wise ops.
 */
final class DeviceKernels {

  private DeviceKernels() {}

  static final Set<String> OPS =
      Set.of(
          "Identity",
          "AddV2",
          "Sub",
          "Mul",
          "RealDiv",
          "Maximum",
          "Minimum",
          "Neg",
          "Abs",
          "Square",
          "Rsqrt",
          "Reciprocal",
          "Exp",
          "Tanh",
          "GreaterEqual",
          "Greater",
          "Less",
          "LessEqual",
          "SelectV2",
          "Reshape",
          "Transpose",
          "Sum",
          "StridedSlice",
          "ConcatV2",
          "BroadcastTo",
          "GatherV2",
          "Einsum",
          "Conv2D",
          "Conv2DBackpropInput");

  /** Arguments: device arrays, or host tensors where the graph computes them from constants. */
  interface Arguments {
    NDArray device(int index);

    HostTensor host(int index);

    int size();
  }

  static NDArray apply(GraphNode node, Arguments in) {
    return switch (node.op()) {
      case "Identity" -> in.device(0).duplicate();
      case "AddV2" -> in.device(0).add(in.device(1));
      case "Sub" -> in.device(0).sub(in.device(1));
      case "Mul" -> in.device(0).mul(in.device(1));
      case "RealDiv" -> in.device(0).div(in.device(1));
      case "Maximum" -> in.device(0).maximum(in.device(1));
      case "Minimum" -> in.device(0).minimum(in.device(1));
      case "Neg" -> in.device(0).neg();
      case "Abs" -> in.device(0).abs();
      case "Square" -> in.device(0).square();
      case "Rsqrt" -> reciprocal(in.device(0).sqrt());
      case "Reciprocal" -> reciprocal(in.device(0));
      case "Exp" -> in.device(0).exp();
      // the activation operator: MXNet runs it vectorised (oneDNN), its numpy tanh 30× slower
      case "Tanh" -> Activation.tanh(in.device(0));
      case "GreaterEqual" -> in.device(0).gte(in.device(1));
      case "Greater" -> in.device(0).gt(in.device(1));
      case "Less" -> in.device(0).lt(in.device(1));
      case "LessEqual" -> in.device(0).lte(in.device(1));
      case "SelectV2" -> NDArrays.where(in.device(0), in.device(1), in.device(2));
      case "Reshape" -> {
        NDArray x = in.device(0);
        yield FastPaths.reshape(x, new Shape(HostOps.reshapeTarget(x.size(), in.host(1))));
      }
      case Fusions.RESHAPE_COPY -> {
        NDArray x = in.device(0);
        yield x.reshape(new Shape(HostOps.reshapeTarget(x.size(), in.host(1))));
      }
      case "Transpose" -> FastPaths.transpose(in.device(0), in.host(1).toInts());
      case "Sum" ->
          FastPaths.sum(in.device(0), in.host(1).toInts(), node.boolAttribute("keep_dims", false));
      case "StridedSlice" -> stridedSlice(node, in);
      case "ConcatV2" -> {
        NDList parts = new NDList();
        for (int i = 0; i < in.size() - 1; i++) {
          parts.add(in.device(i));
        }
        int axis = in.host(in.size() - 1).intAt(0);
        yield FastPaths.concat(parts, axis < 0 ? axis + parts.get(0).getShape().dimension() : axis);
      }
      case "BroadcastTo" -> in.device(0).broadcast(new Shape(HostKernels.toLongs(in.host(1))));
      case "GatherV2" -> gather(node, in);
      case "Einsum" -> einsum(node, in.device(0), in.device(1), null);
      case "Einsum" + Fusions.BIAS_ADD -> einsum(node, in.device(0), in.device(1), in.device(2));
      case "Conv2D" -> conv2d(node, in.device(0), in.device(1), null);
      case "Conv2D" + Fusions.BIAS_ADD -> conv2d(node, in.device(0), in.device(1), in.device(2));
      case Fusions.GELU ->
          FastPaths.gelu(in.device(0), (float) in.host(1).get(0), (float) in.host(2).get(0));
      case Fusions.LEAKY_RELU -> FastPaths.leakyRelu(in.device(0), (float) in.host(1).get(0));
      case Fusions.LAYER_NORM ->
          FastPaths.layerNorm(
              in.device(0),
              in.device(1),
              in.device(2),
              (float) in.host(3).get(0),
              in.host(4).intAt(0));
      case "Conv2DBackpropInput" -> conv2dTranspose(node, in.host(0), in.device(1), in.device(2));
      default -> throw new IllegalStateException("no device kernel for " + node.op());
    };
  }

  private static NDArray reciprocal(NDArray x) {
    NDArray one = x.getManager().ones(new Shape(), x.getDataType(), x.getDevice());
    return one.div(x);
  }

  private static NDArray stridedSlice(GraphNode node, Arguments in) {
    NDArray x = in.device(0);
    StridedSlice plan =
        HostKernels.slice(node, x.getShape().getShape(), in.host(1), in.host(2), in.host(3));
    NDIndex index = new NDIndex();
    for (int d = 0; d < plan.start().length; d++) {
      long step = plan.stride()[d];
      if (step <= 0) {
        throw new IllegalStateException(
            "StridedSlice '" + node.name() + "': negative strides on the engine are not supported");
      }
      long start = plan.start()[d];
      index.addSliceDim(start, start + plan.length()[d] * step - (step - 1), step);
    }
    NDArray sliced = x.get(index);
    NDArray result = FastPaths.reshape(sliced, new Shape(plan.outputShape()));
    sliced.close();
    return result;
  }

  private static NDArray gather(GraphNode node, Arguments in) {
    NDArray params = in.device(0);
    int[] indices = in.host(1).toInts();
    int axis = in.host(2).intAt(0);
    int rank = params.getShape().dimension();
    int a = axis < 0 ? axis + rank : axis;
    if (node.intAttribute("batch_dims", 0) != 0 || in.host(1).rank() > 1) {
      throw new IllegalStateException("GatherV2 '" + node.name() + "': only 0-D or 1-D indices");
    }
    NDList parts = new NDList();
    for (int i : indices) {
      NDIndex index = new NDIndex();
      for (int d = 0; d < a; d++) {
        index.addAllDim();
      }
      index.addSliceDim(i, i + 1);
      parts.add(params.get(index));
    }
    NDArray joined = NDArrays.concat(parts, a);
    parts.forEach(NDArray::close);
    if (in.host(1).rank() == 0) {
      long[] dims = joined.getShape().getShape();
      long[] squeezed = new long[dims.length - 1];
      for (int d = 0, j = 0; d < dims.length; d++) {
        if (d != a) {
          squeezed[j++] = dims[d];
        }
      }
      NDArray result = FastPaths.reshape(joined, new Shape(squeezed));
      joined.close();
      return result;
    }
    return joined;
  }

  /**
   * The three equations in MAXIM, each a matrix product after moving the summed axis; a bias (only
   * fused into the first) is added per output channel.
   */
  private static NDArray einsum(GraphNode node, NDArray a, NDArray b, NDArray bias) {
    String equation = node.stringAttribute("equation", "");
    if (bias != null && !equation.equals("abcg,gf->abcf")) {
      throw new IllegalStateException("Einsum '" + node.name() + "': no bias for " + equation);
    }
    switch (equation) {
      case "abcg,gf->abcf":
        return FastPaths.matMulLastAxis(a, b, bias);
      case "abgd,gf->abdf":
        {
          NDArray moved = FastPaths.transpose(a, new int[] {0, 1, 3, 2});
          NDArray out = FastPaths.matMulLastAxis(moved, b, null);
          moved.close();
          return out;
        }
      case "gb,cgef->bcef":
        {
          NDArray moved = FastPaths.transpose(b, new int[] {0, 2, 3, 1}); // c e f g
          NDArray product = FastPaths.matMulLastAxis(moved, a, null); // c e f b
          NDArray out = FastPaths.transpose(product, new int[] {3, 0, 1, 2});
          moved.close();
          product.close();
          return out;
        }
      default:
        throw new IllegalStateException(
            "Einsum '" + node.name() + "': equation " + equation + " is not supported");
    }
  }

  /** TF Conv2D, NHWC input and HWIO filter, with a bias per output channel where fused. */
  private static NDArray conv2d(GraphNode node, NDArray x, NDArray filter, NDArray bias) {
    requireNhwc(node);
    List<Long> strides = node.intListAttribute("strides");
    List<Long> dilations = node.intListAttribute("dilations");
    long sh = strides.isEmpty() ? 1 : strides.get(1);
    long sw = strides.isEmpty() ? 1 : strides.get(2);
    long dh = dilations.isEmpty() ? 1 : dilations.get(1);
    long dw = dilations.isEmpty() ? 1 : dilations.get(2);
    long kh = filter.getShape().get(0);
    long kw = filter.getShape().get(1);
    if (kh == 1 && kw == 1 && sh == 1 && sw == 1) {
      // a 1×1 convolution is a product over the channels, NHWC as it stands: no transposes
      NDArray matrix =
          FastPaths.reshape(filter, new Shape(filter.getShape().get(2), filter.getShape().get(3)));
      NDArray out = FastPaths.matMulLastAxis(x, matrix, bias);
      matrix.close();
      return out;
    }
    NDArray nchw = FastPaths.transpose(x, new int[] {0, 3, 1, 2});
    long[] pad = {0, 0, 0, 0};
    if (node.stringAttribute("padding", "VALID").equals("SAME")) {
      pad = samePadding(x.getShape().get(1), kh, sh, dh, x.getShape().get(2), kw, sw, dw);
    } else if (!node.stringAttribute("padding", "VALID").equals("VALID")) {
      throw new IllegalStateException(
          "Conv2D '" + node.name() + "': padding " + node.stringAttribute("padding", ""));
    }
    NDArray padded = pad[0] == pad[1] && pad[2] == pad[3] ? nchw : zeroPad(nchw, pad);
    Shape symmetric = padded == nchw ? new Shape(pad[0], pad[2]) : new Shape(0, 0);
    NDArray oihw = filter.transpose(3, 2, 0, 1);
    NDArray y =
        Conv2d.conv2d(padded, oihw, bias, new Shape(sh, sw), symmetric, new Shape(dh, dw), 1)
            .singletonOrThrow();
    NDArray out = FastPaths.transpose(y, new int[] {0, 2, 3, 1});
    for (NDArray t : new NDArray[] {nchw, padded, oihw, y}) {
      if (t != out) {
        t.close();
      }
    }
    return out;
  }

  /** TF Conv2DBackpropInput (conv2d_transpose): NHWC, filter HW·out·in, VALID or SAME. */
  private static NDArray conv2dTranspose(
      GraphNode node, HostTensor outputSize, NDArray filter, NDArray x) {
    requireNhwc(node);
    List<Long> strides = node.intListAttribute("strides");
    long sh = strides.get(1);
    long sw = strides.get(2);
    long kh = filter.getShape().get(0);
    long kw = filter.getShape().get(1);
    int[] size = outputSize.toInts();
    long outH = size[1];
    long outW = size[2];
    long[] pad = {0, 0, 0, 0};
    if (node.stringAttribute("padding", "VALID").equals("SAME")) {
      pad = samePadding(outH, kh, sh, 1, outW, kw, sw, 1);
    }
    if (kh == sh
        && kw == sw
        && outH == x.getShape().get(1) * sh
        && outW == x.getShape().get(2) * sw) {
      return blockTranspose(x, filter);
    }
    // A transposed convolution is the convolution of the input spread out by the stride (zeros
    // between samples) with the flipped kernel, fully padded. Built from plain convolutions since
    // DJL's deconvolution takes its filter count from the wrong weight axis on MXNet.
    NDArray nchw = FastPaths.transpose(x, new int[] {0, 3, 1, 2});
    NDArray spread = spread(nchw, sh, sw);
    NDArray padded = zeroPad(spread, new long[] {kh - 1, kh - 1, kw - 1, kw - 1});
    NDArray oihw = filter.transpose(2, 3, 0, 1); // out, in (= x's channels), kh, kw
    NDArray flipped = oihw.flip(2, 3);
    NDArray full =
        Conv2d.conv2d(padded, flipped, null, new Shape(1, 1), new Shape(0, 0), new Shape(1, 1), 1)
            .singletonOrThrow();
    // the full transposed convolution, then TF's window: drop the padding, zero-fill the rest
    long fullH = full.getShape().get(2);
    long fullW = full.getShape().get(3);
    NDArray cropped =
        full.get(
            new NDIndex()
                .addAllDim()
                .addAllDim()
                .addSliceDim(pad[0], Math.min(fullH, pad[0] + outH))
                .addSliceDim(pad[2], Math.min(fullW, pad[2] + outW)));
    long missingH = outH - cropped.getShape().get(2);
    long missingW = outW - cropped.getShape().get(3);
    NDArray sized =
        missingH > 0 || missingW > 0
            ? zeroPad(cropped, new long[] {0, missingH, 0, missingW})
            : cropped;
    NDArray out = FastPaths.transpose(sized, new int[] {0, 2, 3, 1});
    for (NDArray t : new NDArray[] {nchw, spread, padded, oihw, flipped, full, cropped, sized}) {
      if (t != out) {
        t.close();
      }
    }
    return out;
  }

  /**
   * A transposed convolution whose kernel is its stride (MAXIM's 2×2 upsampling) writes each input
   * pixel into its own kh×kw block of the output, no two blocks overlapping: one product over the
   * channels, (N·H·W, in) · (in, kh·kw·out), and a shuffle of the blocks into place — a quarter of
   * the multiplications of the general path, which convolves an input that is ¾ zeros.
   */
  private static NDArray blockTranspose(NDArray x, NDArray filter) {
    long[] k = filter.getShape().getShape(); // kh, kw, out, in
    long[] d = x.getShape().getShape(); // N, H, W, in
    NDArray inFirst = FastPaths.transpose(filter, new int[] {3, 0, 1, 2});
    NDArray matrix = FastPaths.reshape(inFirst, new Shape(k[3], k[0] * k[1] * k[2]));
    NDArray product = FastPaths.matMulLastAxis(x, matrix, null);
    NDArray blocks = FastPaths.reshape(product, new Shape(d[0], d[1], d[2], k[0], k[1], k[2]));
    NDArray placed = FastPaths.transpose(blocks, new int[] {0, 1, 3, 2, 4, 5});
    NDArray out = FastPaths.reshape(placed, new Shape(d[0], d[1] * k[0], d[2] * k[1], k[2]));
    for (NDArray t : new NDArray[] {inFirst, matrix, product, blocks, placed}) {
      t.close();
    }
    return out;
  }

  /** Zeros between samples: (N, C, H, W) → (N, C, (H−1)·sh+1, (W−1)·sw+1). */
  private static NDArray spread(NDArray x, long sh, long sw) {
    NDArray rows = spreadAxis(x, 2, sh);
    NDArray both = spreadAxis(rows, 3, sw);
    if (rows != x && rows != both) {
      rows.close();
    }
    return both;
  }

  private static NDArray spreadAxis(NDArray x, int axis, long step) {
    if (step == 1) {
      return x;
    }
    long[] dims = x.getShape().getShape();
    NDArray column = x.expandDims(axis + 1);
    long[] zerosShape = column.getShape().getShape().clone();
    zerosShape[axis + 1] = step - 1;
    NDArray zeros = x.getManager().zeros(new Shape(zerosShape), x.getDataType(), x.getDevice());
    NDArray interleaved = NDArrays.concat(new NDList(column, zeros), axis + 1);
    long[] merged = dims.clone();
    merged[axis] = dims[axis] * step;
    NDArray flat = FastPaths.reshape(interleaved, new Shape(merged));
    NDIndex keep = new NDIndex();
    for (int d = 0; d < axis; d++) {
      keep.addAllDim();
    }
    keep.addSliceDim(0, (dims[axis] - 1) * step + 1);
    NDArray out = flat.get(keep);
    for (NDArray t : new NDArray[] {column, zeros, interleaved, flat}) {
      t.close();
    }
    return out;
  }

  private static void requireNhwc(GraphNode node) {
    String format = node.stringAttribute("data_format", "NHWC");
    if (!format.equals("NHWC")) {
      throw new IllegalStateException(node.op() + " '" + node.name() + "': " + format);
    }
  }

  /** TF SAME padding {top, bottom, left, right}: the odd pixel goes after. */
  private static long[] samePadding(
      long h, long kh, long sh, long dh, long w, long kw, long sw, long dw) {
    long ph = ZeroPad.same(h, kh, sh, dh);
    long pw = ZeroPad.same(w, kw, sw, dw);
    return new long[] {ph / 2, ph - ph / 2, pw / 2, pw - pw / 2};
  }

  private static NDArray zeroPad(NDArray x, long[] pad) {
    return ZeroPad.pad(x, pad[0], pad[1], pad[2], pad[3]);
  }
}
