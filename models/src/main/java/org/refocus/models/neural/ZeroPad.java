package org.refocus.models.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * Zero padding of an NCHW array built from concatenation: {@code NDArray.pad} orders its widths
 * differently on MXNet and PyTorch, concatenation means the same everywhere.
 */
final class ZeroPad {

  private ZeroPad() {}

  static NDArray pad(NDArray x, long top, long bottom, long left, long right) {
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
