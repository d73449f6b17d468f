package org.refocus.models.tfjs;

import java.util.Arrays;

/**
 * A constant of a graph model: float32 or int32 values, row-major in {@code shape} (empty for a
 * scalar). Exactly one of {@code floats} and {@code ints} is non-null.
 */
public record ConstTensor(long[] shape, float[] floats, int[] ints) {

  public ConstTensor {
    shape = shape.clone();
    if ((floats == null) == (ints == null)) {
      throw new IllegalArgumentException("a constant holds floats or ints");
    }
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    int length = floats != null ? floats.length : ints.length;
    if (n != length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + n + " values, not " + length);
    }
  }

  public boolean isFloat() {
    return floats != null;
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConstTensor t
        && Arrays.equals(shape, t.shape)
        && Arrays.equals(floats, t.floats)
        && Arrays.equals(ints, t.ints);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(shape) * 31 + Arrays.hashCode(floats) * 17 + Arrays.hashCode(ints);
  }

  @Override
  public String toString() {
    return (isFloat() ? "float32" : "int32") + Arrays.toString(shape);
  }
}
