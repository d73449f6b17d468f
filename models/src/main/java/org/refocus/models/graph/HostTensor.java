package org.refocus.models.graph;

import java.util.Arrays;

/**
 * A tensor on the Java heap: float32, int32 or bool (held as 0/1 ints), row-major in {@code shape}
 * (empty for a scalar).
 */
public final class HostTensor {

  public enum Type {
    FLOAT,
    INT,
    BOOL
  }

  private final long[] shape;
  private final Type type;
  private final float[] floats;
  private final int[] ints;

  private HostTensor(long[] shape, Type type, float[] floats, int[] ints) {
    this.shape = shape.clone();
    this.type = type;
    this.floats = floats;
    this.ints = ints;
    long n = size(shape);
    int length = type == Type.FLOAT ? floats.length : ints.length;
    if (n != length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " needs " + n + " values, not " + length);
    }
  }

  public static HostTensor floats(long[] shape, float... values) {
    return new HostTensor(shape, Type.FLOAT, values, null);
  }

  public static HostTensor ints(long[] shape, int... values) {
    return new HostTensor(shape, Type.INT, null, values);
  }

  public static HostTensor bools(long[] shape, int... zeroOrOne) {
    return new HostTensor(shape, Type.BOOL, null, zeroOrOne);
  }

  /** A 1-D int tensor. */
  public static HostTensor vector(int... values) {
    return ints(new long[] {values.length}, values);
  }

  public static HostTensor scalar(float value) {
    return floats(new long[0], value);
  }

  public static HostTensor scalar(int value) {
    return ints(new long[0], value);
  }

  static long size(long[] shape) {
    long n = 1;
    for (long d : shape) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }

  public long[] shape() {
    return shape.clone();
  }

  public int rank() {
    return shape.length;
  }

  public long dim(int axis) {
    return shape[axis];
  }

  public int size() {
    return (int) size(shape);
  }

  public Type type() {
    return type;
  }

  /** Element {@code i} as a double, whatever the type. */
  public double get(int i) {
    return type == Type.FLOAT ? floats[i] : ints[i];
  }

  public int intAt(int i) {
    return type == Type.FLOAT ? (int) floats[i] : ints[i];
  }

  /** The values as ints (a copy); float values must be whole. */
  public int[] toInts() {
    int[] out = new int[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = intAt(i);
    }
    return out;
  }

  public float[] toFloats() {
    float[] out = new float[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) get(i);
    }
    return out;
  }

  /** A tensor of the same type and values in another shape of the same size. */
  public HostTensor reshape(long... newShape) {
    return new HostTensor(newShape, type, floats, ints);
  }

  /** A tensor of this one's type from doubles (rounded toward zero for ints, as TF casts). */
  HostTensor withValues(long[] newShape, double[] values) {
    return of(type, newShape, values);
  }

  static HostTensor of(Type type, long[] shape, double[] values) {
    if (type == Type.FLOAT) {
      float[] f = new float[values.length];
      for (int i = 0; i < f.length; i++) {
        f[i] = (float) values[i];
      }
      return floats(shape, f);
    }
    int[] v = new int[values.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = type == Type.BOOL ? (values[i] != 0 ? 1 : 0) : (int) values[i];
    }
    return new HostTensor(shape, type, null, v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostTensor t
        && type == t.type
        && Arrays.equals(shape, t.shape)
        && Arrays.equals(floats, t.floats)
        && Arrays.equals(ints, t.ints);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(shape) * 31 + type.hashCode();
  }

  @Override
  public String toString() {
    String values =
        size() <= 16 ? (type == Type.FLOAT ? Arrays.toString(floats) : Arrays.toString(ints)) : "…";
    return type.name().toLowerCase() + Arrays.toString(shape) + " " + values;
  }
}
