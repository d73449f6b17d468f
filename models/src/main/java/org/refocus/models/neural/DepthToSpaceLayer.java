package org.refocus.models.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * TensorFlow's {@code depth_to_space} in NHWC order, which the RRDN models' custom {@code
 * PixelShuffle} layers call: output (y·s+i, x·s+j, c) = input (y, x, (i·s+j)·C+c). PyTorch's {@code
 * pixel_shuffle} orders the channels c·s²+i·s+j instead, and would scramble the colours.
 */
final class DepthToSpaceLayer extends Layer {

  private final int scale;

  DepthToSpaceLayer(String name, List<String> inputs, int scale) {
    super(name, inputs);
    this.scale = scale;
  }

  @Override
  Shape outputShape(List<Shape> inputShapes) {
    Shape in = single(inputShapes);
    long channels = in.get(1) / ((long) scale * scale);
    return new Shape(in.get(0), channels, in.get(2) * scale, in.get(3) * scale);
  }

  @Override
  NDArray forward(ParameterStore parameters, List<NDArray> inputs) {
    NDArray x = inputs.get(0);
    Shape in = x.getShape();
    if (in.get(1) % ((long) scale * scale) != 0) {
      throw new IllegalArgumentException(
          "depth_to_space ×"
              + scale
              + " needs channels divisible by "
              + scale * scale
              + ", not "
              + in);
    }
    long n = in.get(0);
    long c = in.get(1) / ((long) scale * scale);
    long h = in.get(2);
    long w = in.get(3);
    // channel index (i·s+j)·C+c  →  axes (n, i, j, c, h, w)  →  (n, c, h, i, w, j)
    NDArray split = x.reshape(n, scale, scale, c, h, w);
    NDArray moved = split.transpose(0, 3, 4, 1, 5, 2);
    NDArray result = moved.reshape(n, c, h * scale, w * scale);
    split.close();
    moved.close(); // both engines reference-count storage: the reshaped view keeps it alive
    return result;
  }
}
