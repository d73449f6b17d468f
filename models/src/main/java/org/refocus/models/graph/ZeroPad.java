package org.refocus.models.graph;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * TensorFlow's padding on NCHW arrays. The zeros are concatenated: {@code NDArray.pad} orders its
 * widths differently on MXNet and PyTorch, concatenation means the same everywhere.
 */
public final class ZeroPad {

  private ZeroPad() {}

  /**
   * Total padding TF's {@code same} adds along an axis of {@code size}: enough for ⌈size/stride⌉
   * outputs. Callers put the larger half after, as TF does.
   */
  public static long same(long size, long kernel, long stride, long dilation) {
    long outputs = (size + stride - 1) / stride;
    long span = (kernel - 1) * dilation + 1;
    return Math.max((outputs - 1) * stride + span - size, 0);
  }

  public static NDArray pad(NDArray x, long top, long bottom, long left, long right) {
    NDArray rows = alongAxis(x, 2, top, bottom);
    NDArray result = alongAxis(rows, 3, left, right);
    if (rows != x && rows != result) {
      rows.close();
    }
    return result;
  }

  private static NDArray alongAxis(NDArray x, int axis, long before, long after) {
    if (before == 0 && after == 0) {
      return x;
    }
    NDList parts = new NDList();
    if (before > 0) {
      parts.add(zeros(x, axis, before));
    }
    parts.add(x);
    if (after > 0) {
      parts.add(zeros(x, axis, after));
    }
    NDArray joined = NDArrays.concat(parts, axis);
    for (NDArray part : parts) {
      if (part != x) {
        part.close();
      }
    }
    return joined;
  }

  private static NDArray zeros(NDArray like, int axis, long size) {
    long[] dims = like.getShape().getShape().clone();
    dims[axis] = size;
    return like.getManager().zeros(new Shape(dims), like.getDataType(), like.getDevice());
  }
}
