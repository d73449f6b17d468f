package org.refocus.models.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * TensorFlow's StridedSlice resolved against an input shape, with all five masks, after TF's {@code
 * BuildDenseSpec} and {@code ValidateStridedSliceOp}: a start, stride and length for every input
 * dimension, and the output shape (new axes added, shrunk axes removed).
 *
 * @param start first index taken in each input dimension
 * @param stride step in each input dimension (never 0)
 * @param length how many indices each input dimension gives
 * @param outputShape the op's result shape
 */
public record StridedSlice(long[] start, long[] stride, long[] length, long[] outputShape) {

  public static StridedSlice plan(
      long[] shape,
      int[] begin,
      int[] end,
      int[] strides,
      long beginMask,
      long endMask,
      long ellipsisMask,
      long newAxisMask,
      long shrinkAxisMask) {
    int rank = shape.length;
    int sparse = begin.length;
    boolean hasEllipsis = ellipsisMask != 0;
    // without an ellipsis TF appends one: the dimensions not named are taken whole
    long ellipsis = hasEllipsis ? ellipsisMask : 1L << sparse;
    int sparseWithEllipsis = hasEllipsis ? sparse : sparse + 1;
    long[] dBegin = new long[rank];
    long[] dEnd = new long[rank];
    long[] dStride = new long[rank];
    boolean[] dBeginMask = new boolean[rank];
    boolean[] dEndMask = new boolean[rank];
    boolean[] dShrink = new boolean[rank];
    List<Integer> finalDims = new ArrayList<>(); // dense dim index, or −1 for a new axis
    int full = 0;
    for (int i = 0; i < sparseWithEllipsis; i++) {
      if ((ellipsis & (1L << i)) != 0) {
        int newAxesAfter = 0;
        for (int j = i + 1; j < sparse; j++) {
          if ((newAxisMask & (1L << j)) != 0) {
            newAxesAfter++;
          }
        }
        int next = Math.min(rank - (sparse - i) + 1 + newAxesAfter, rank);
        for (; full < next; full++) {
          dStride[full] = 1;
          dBeginMask[full] = true;
          dEndMask[full] = true;
          finalDims.add(full);
        }
      } else if ((newAxisMask & (1L << i)) != 0) {
        finalDims.add(-1);
      } else {
        if (full >= rank) {
          throw new IllegalArgumentException("strided slice indexes past the input's rank " + rank);
        }
        dBegin[full] = begin[i];
        dEnd[full] = end[i];
        dStride[full] = strides[i];
        dBeginMask[full] = (beginMask & (1L << i)) != 0;
        dEndMask[full] = (endMask & (1L << i)) != 0;
        dShrink[full] = (shrinkAxisMask & (1L << i)) != 0;
        if (!dShrink[full]) {
          finalDims.add(full);
        }
        full++;
      }
    }
    long[] start = new long[rank];
    long[] length = new long[rank];
    for (int d = 0; d < rank; d++) {
      long dim = shape[d];
      long s = dStride[d];
      if (s == 0) {
        throw new IllegalArgumentException("strided slice stride 0 in dimension " + d);
      }
      if (dShrink[d]) {
        long b = dBegin[d] < 0 ? dBegin[d] + dim : dBegin[d];
        if (b < 0 || b >= dim) {
          throw new IllegalArgumentException("slice index " + dBegin[d] + " out of bounds " + dim);
        }
        start[d] = b;
        length[d] = 1;
        dStride[d] = 1;
        continue;
      }
      long lo = s > 0 ? 0 : -1;
      long hi = s > 0 ? dim : dim - 1;
      long b = dBeginMask[d] ? (s > 0 ? lo : hi) : clamp(canonical(dBegin[d], dim), lo, hi);
      long e = dEndMask[d] ? (s > 0 ? hi : lo) : clamp(canonical(dEnd[d], dim), lo, hi);
      long n = s > 0 ? Math.max(0, (e - b + s - 1) / s) : Math.max(0, (b - e - s - 1) / -s);
      start[d] = b;
      length[d] = n;
    }
    long[] outShape = new long[finalDims.size()];
    for (int i = 0; i < outShape.length; i++) {
      int d = finalDims.get(i);
      outShape[i] = d < 0 ? 1 : length[d];
    }
    return new StridedSlice(start, dStride, length, outShape);
  }

  private static long canonical(long index, long dim) {
    return index < 0 ? index + dim : index;
  }

  private static long clamp(long v, long lo, long hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  /** The slice of a host tensor. */
  public HostTensor apply(HostTensor x) {
    long[] inStrides = HostOps.strides(x.shape());
    int rank = start.length;
    int n = (int) HostTensor.size(length);
    double[] out = new double[n];
    long[] position = new long[rank];
    for (int i = 0; i < n; i++) {
      long s = 0;
      for (int d = 0; d < rank; d++) {
        s += (start[d] + position[d] * stride[d]) * inStrides[d];
      }
      out[i] = x.get((int) s);
      for (int d = rank - 1; d >= 0; d--) {
        if (++position[d] < length[d]) {
          break;
        }
        position[d] = 0;
      }
    }
    return x.withValues(outputShape, out);
  }
}
