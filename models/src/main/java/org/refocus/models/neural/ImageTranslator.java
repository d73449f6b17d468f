package org.refocus.models.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslatorContext;
import java.nio.FloatBuffer;
import org.refocus.models.image.PlanarImage;

/**
 * RGB image (0..1) → the model's NCHW input in its trained range, and the model's output back to an
 * RGB image clipped to 0..1, as the models' own runtime clips it. A gray image is fed as three
 * equal channels.
 */
final class ImageTranslator implements NoBatchifyTranslator<PlanarImage, PlanarImage> {

  private final float range;

  /**
   * @param range 255 for models trained on 0..255 pixels, 1 for 0..1
   */
  ImageTranslator(float range) {
    this.range = range;
  }

  @Override
  public NDList processInput(TranslatorContext ctx, PlanarImage image) {
    int w = image.width();
    int h = image.height();
    int n = w * h;
    FloatBuffer data = FloatBuffer.allocate(3 * n);
    for (int c = 0; c < 3; c++) {
      float[] plane = image.plane(image.colourChannels() == 1 ? 0 : c);
      for (int i = 0; i < n; i++) {
        data.put(plane[i] * range);
      }
    }
    data.flip();
    NDArray input = ctx.getNDManager().create(data, new Shape(1, 3, h, w));
    return new NDList(input);
  }

  @Override
  public PlanarImage processOutput(TranslatorContext ctx, NDList list) {
    NDArray out = list.singletonOrThrow();
    Shape s = out.getShape();
    if (s.dimension() != 4 || s.get(1) != 3) {
      throw new IllegalStateException("the model returned " + s + ", not one RGB image");
    }
    int h = (int) s.get(2);
    int w = (int) s.get(3);
    int n = w * h;
    float[] all = out.toFloatArray();
    float[][] planes = new float[3][n];
    float inverse = 1f / range;
    for (int c = 0; c < 3; c++) {
      float[] plane = planes[c];
      int offset = c * n;
      for (int i = 0; i < n; i++) {
        float v = all[offset + i] * inverse;
        plane[i] = v < 0f ? 0f : Math.min(v, 1f);
      }
    }
    return PlanarImage.rgb(w, h, planes[0], planes[1], planes[2]);
  }
}
