package org.refocus.models.restore;

import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.refocus.models.cv.OpenCvRuntime;
import org.refocus.models.image.PlanarImage;

/**
 * Classical enlargement: Lanczos (a = 4, OpenCV's INTER_LANCZOS4) on float planes, alpha resized
 * with the colour so it stays aligned. The fallback when no neural upscaler is chosen.
 */
public final class LanczosUpscaler {

  private LanczosUpscaler() {}

  public static PlanarImage upscale(PlanarImage image, int factor) {
    if (factor < 1 || factor > 8) {
      throw new IllegalArgumentException("scale factor 1..8, not " + factor);
    }
    if (factor == 1) {
      return image;
    }
    OpenCvRuntime.ensureLoaded();
    int w = image.width() * factor;
    int h = image.height() * factor;
    float[][] planes = new float[image.colourChannels()][];
    for (int c = 0; c < planes.length; c++) {
      planes[c] = resize(image.plane(c), image.width(), image.height(), w, h);
    }
    float[] alpha =
        image.hasAlpha() ? clamp(resize(image.alpha(), image.width(), image.height(), w, h)) : null;
    return PlanarImage.of(w, h, planes, alpha);
  }

  private static float[] resize(float[] plane, int w, int h, int outW, int outH) {
    Mat src = new Mat(h, w, CvType.CV_32F);
    src.put(0, 0, plane);
    Mat dst = new Mat();
    Imgproc.resize(src, dst, new Size(outW, outH), 0, 0, Imgproc.INTER_LANCZOS4);
    float[] out = new float[outW * outH];
    dst.get(0, 0, out);
    src.release();
    dst.release();
    return out;
  }

  /** Lanczos overshoots; opacity outside 0..1 means nothing. */
  private static float[] clamp(float[] alpha) {
    for (int i = 0; i < alpha.length; i++) {
      alpha[i] = Math.max(0f, Math.min(1f, alpha[i]));
    }
    return alpha;
  }
}
