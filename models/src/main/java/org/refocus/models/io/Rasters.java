package org.refocus.models.io;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import org.refocus.models.image.PlanarImage;

/** Conversions between decoded {@link BufferedImage}s and the engine's {@link PlanarImage}. */
final class Rasters {

  private Rasters() {}

  /** Bits per sample the engine keeps for this image: 16 for anything deeper than 8, else 8. */
  static int bitDepth(BufferedImage image) {
    ColorModel cm = image.getColorModel();
    if (cm instanceof IndexColorModel) {
      return 8;
    }
    int max = 0;
    for (int size : cm.getComponentSize()) {
      max = Math.max(max, size);
    }
    return max > 8 ? 16 : 8;
  }

  /** True when the pixels are neither gray nor RGB and had to be converted to sRGB. */
  static boolean needsConversionToSrgb(BufferedImage image) {
    ColorModel cm = image.getColorModel();
    if (cm instanceof IndexColorModel) {
      return false;
    }
    int type = cm.getColorSpace().getType();
    return type != ColorSpace.TYPE_RGB && type != ColorSpace.TYPE_GRAY;
  }

  static PlanarImage toPlanar(BufferedImage image) {
    if (image.getColorModel() instanceof IndexColorModel palette) {
      return fromPalette(image, palette);
    }
    BufferedImage source = image;
    if (needsConversionToSrgb(source)) {
      source = toSrgb(source);
    }
    if (source.isAlphaPremultiplied()) {
      source = copy(source);
      source.coerceData(false);
    }
    ColorModel cm = source.getColorModel();
    if (cm.getTransferType() == DataBuffer.TYPE_FLOAT
        || cm.getTransferType() == DataBuffer.TYPE_DOUBLE) {
      throw new IllegalArgumentException("floating-point samples are not supported");
    }
    Raster raster = source.getRaster();
    int w = source.getWidth();
    int h = source.getHeight();
    int colourBands = cm.getNumColorComponents();
    float[][] colour = new float[colourBands][];
    for (int band = 0; band < colourBands; band++) {
      colour[band] = band(raster, band, cm.getComponentSize(band), w, h);
    }
    float[] alpha =
        cm.hasAlpha() ? band(raster, colourBands, cm.getComponentSize(colourBands), w, h) : null;
    return PlanarImage.of(w, h, colour, alpha);
  }

  private static float[] band(Raster raster, int band, int bits, int w, int h) {
    int[] samples = raster.getSamples(0, 0, w, h, band, (int[]) null);
    // Division, not multiplication by 1/max: k / max is the float nearest the level, so a
    // level read from 8 or 16 bits and written back is the same level.
    float max = (1 << bits) - 1;
    float[] plane = new float[samples.length];
    for (int i = 0; i < samples.length; i++) {
      plane[i] = samples[i] / max;
    }
    return plane;
  }

  private static PlanarImage fromPalette(BufferedImage image, IndexColorModel palette) {
    int w = image.getWidth();
    int h = image.getHeight();
    int[] indices = image.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
    int size = palette.getMapSize();
    boolean gray = true;
    for (int i = 0; i < size && gray; i++) {
      gray = palette.getRed(i) == palette.getGreen(i) && palette.getGreen(i) == palette.getBlue(i);
    }
    boolean hasAlpha = palette.getTransparency() != Transparency.OPAQUE;
    float[][] colour = new float[gray ? 1 : 3][indices.length];
    float[] alpha = hasAlpha ? new float[indices.length] : null;
    for (int i = 0; i < indices.length; i++) {
      int index = indices[i];
      colour[0][i] = palette.getRed(index) / 255f;
      if (!gray) {
        colour[1][i] = palette.getGreen(index) / 255f;
        colour[2][i] = palette.getBlue(index) / 255f;
      }
      if (hasAlpha) {
        alpha[i] = palette.getAlpha(index) / 255f;
      }
    }
    return PlanarImage.of(w, h, colour, alpha);
  }

  private static BufferedImage toSrgb(BufferedImage image) {
    int type =
        image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), type);
    new ColorConvertOp(null).filter(image, rgb);
    return rgb;
  }

  private static BufferedImage copy(BufferedImage image) {
    ColorModel cm = image.getColorModel();
    return new BufferedImage(cm, image.copyData(null), cm.isAlphaPremultiplied(), null);
  }

  /**
   * The planes quantised to {@code bitDepth} (8 or 16) bits: rounded to nearest and clamped, so the
   * same planes always give the same samples.
   */
  static BufferedImage toBuffered(PlanarImage image, int bitDepth, boolean keepAlpha) {
    if (bitDepth != 8 && bitDepth != 16) {
      throw new IllegalArgumentException("8 or 16 bits per sample, not " + bitDepth);
    }
    boolean alpha = keepAlpha && image.hasAlpha();
    boolean gray = image.colourChannels() == 1;
    ColorSpace space = ColorSpace.getInstance(gray ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
    int dataType = bitDepth == 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT;
    ComponentColorModel cm =
        new ComponentColorModel(
            space, alpha, false, alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
    int w = image.width();
    int h = image.height();
    WritableRaster raster = cm.createCompatibleWritableRaster(w, h);
    int max = (1 << bitDepth) - 1;
    int[] samples = new int[w * h];
    for (int band = 0; band < image.colourChannels(); band++) {
      quantise(image.plane(band), max, samples);
      raster.setSamples(0, 0, w, h, band, samples);
    }
    if (alpha) {
      quantise(image.alpha(), max, samples);
      raster.setSamples(0, 0, w, h, image.colourChannels(), samples);
    }
    return new BufferedImage(cm, raster, false, null);
  }

  private static void quantise(float[] plane, int max, int[] samples) {
    for (int i = 0; i < plane.length; i++) {
      float v = plane[i] * max;
      samples[i] = v <= 0 ? 0 : v >= max ? max : Math.round(v);
    }
  }
}
