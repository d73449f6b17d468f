package org.refocus.models.tfjs;

import java.util.Arrays;

/** One tensor in a weights manifest: its name, shape and element type. */
public record WeightSpec(String name, long[] shape, String dtype) {

  public WeightSpec {
    shape = shape.clone();
  }

  public long elementCount() {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WeightSpec w
        && name.equals(w.name)
        && Arrays.equals(shape, w.shape)
        && dtype.equals(w.dtype);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + Arrays.hashCode(shape)) + dtype.hashCode();
  }

  @Override
  public String toString() {
    return name + Arrays.toString(shape) + " " + dtype;
  }
}
