package org.refocus.models.image;

import java.util.Arrays;
import java.util.Objects;

/**
 * An image as the engine computes on it: one float plane per colour channel (1 for gray, 3 for
 * RGB), row-major, nominal range 0..1 whatever the file's bit depth, and an optional alpha plane
 * carried beside the colour so no operator can blacken it by accident.
 *
 * <p>Planes are owned by the image and never exposed for writing after construction: operators
 * produce new images. {@link #plane(int)} returns the live array for speed; callers must not modify
 * it.
 */
public final class PlanarImage {

  private final int width;
  private final int height;
  private final float[][] colour;
  private final float[] alpha;

  private PlanarImage(int width, int height, float[][] colour, float[] alpha) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size must be positive: " + width + "x" + height);
    }
    if (colour.length != 1 && colour.length != 3) {
      throw new IllegalArgumentException("1 or 3 colour planes, not " + colour.length);
    }
    int pixels = Math.multiplyExact(width, height);
    for (float[] plane : colour) {
      requireLength(plane, pixels);
    }
    if (alpha != null) {
      requireLength(alpha, pixels);
    }
    this.width = width;
    this.height = height;
    this.colour = colour;
    this.alpha = alpha;
  }

  private static void requireLength(float[] plane, int pixels) {
    if (Objects.requireNonNull(plane, "plane").length != pixels) {
      throw new IllegalArgumentException(
          "plane holds " + plane.length + " samples, the image " + pixels);
    }
  }

  /** Takes ownership of the planes: the caller must not keep writing to them. */
  public static PlanarImage of(int width, int height, float[][] colour, float[] alpha) {
    return new PlanarImage(width, height, colour.clone(), alpha);
  }

  public static PlanarImage gray(int width, int height, float[] gray) {
    return new PlanarImage(width, height, new float[][] {gray}, null);
  }

  public static PlanarImage rgb(int width, int height, float[] red, float[] green, float[] blue) {
    return new PlanarImage(width, height, new float[][] {red, green, blue}, null);
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int pixelCount() {
    return width * height;
  }

  /** 1 for gray, 3 for RGB; alpha is not counted. */
  public int colourChannels() {
    return colour.length;
  }

  public boolean hasAlpha() {
    return alpha != null;
  }

  /** The live colour plane {@code channel}: read only. */
  public float[] plane(int channel) {
    return colour[channel];
  }

  /** The live alpha plane, or null: read only. */
  public float[] alpha() {
    return alpha;
  }

  public float sample(int channel, int x, int y) {
    return colour[channel][y * width + x];
  }

  /**
   * A copy of the colour planes inside the rectangle at (x0, y0) of cw × ch, without alpha: what an
   * operator working on part of the image needs, owning nothing of this one.
   */
  public PlanarImage colourRegion(int x0, int y0, int cw, int ch) {
    if (x0 < 0 || y0 < 0 || cw < 1 || ch < 1 || x0 + cw > width || y0 + ch > height) {
      throw new IllegalArgumentException(
          "region " + cw + "×" + ch + " at (" + x0 + ", " + y0 + ") is not inside " + this);
    }
    float[][] planes = new float[colour.length][cw * ch];
    for (int c = 0; c < colour.length; c++) {
      for (int y = 0; y < ch; y++) {
        System.arraycopy(colour[c], (y0 + y) * width + x0, planes[c], y * cw, cw);
      }
    }
    return new PlanarImage(cw, ch, planes, null);
  }

  /** A copy with the same planes but no alpha. */
  public PlanarImage withoutAlpha() {
    return new PlanarImage(width, height, colour, null);
  }

  /**
   * This image moved toward {@code target} by {@code strength}: 0 gives this image, 1 the target;
   * alpha comes from the target.
   */
  public PlanarImage blendToward(PlanarImage target, double strength) {
    if (!sameShapeAs(target) || strength < 0 || strength > 1) {
      throw new IllegalArgumentException(
          "blend needs images of one shape and a strength 0..1: " + this + ", " + target);
    }
    float s = (float) strength;
    float[][] planes = new float[colour.length][];
    for (int c = 0; c < colour.length; c++) {
      float[] from = colour[c];
      float[] to = target.colour[c];
      float[] out = new float[from.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = from[i] + s * (to[i] - from[i]);
      }
      planes[c] = out;
    }
    return new PlanarImage(width, height, planes, target.alpha);
  }

  public boolean sameShapeAs(PlanarImage other) {
    return width == other.width && height == other.height && colour.length == other.colour.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PlanarImage other
        && sameShapeAs(other)
        && Arrays.deepEquals(colour, other.colour)
        && Arrays.equals(alpha, other.alpha);
  }

  @Override
  public int hashCode() {
    return Objects.hash(width, height, Arrays.deepHashCode(colour), Arrays.hashCode(alpha));
  }

  @Override
  public String toString() {
    return width
        + "x"
        + height
        + (colour.length == 1 ? " gray" : " RGB")
        + (alpha == null ? "" : "+alpha");
  }
}
