package org.refocus.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import org.refocus.models.cv.OpenCvRuntime;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.neural.NeuralModel;
import org.refocus.models.neural.NeuralModels;
import org.refocus.models.neural.NeuralUpscaler;
import org.refocus.models.quality.QualityMetrics;
import org.refocus.models.restore.LanczosUpscaler;

/**
 * Super-resolution quality on Set5: each x2 and x4 model against bicubic (OpenCV) and our Lanczos,
 * from the MATLAB-bicubic LR images shipped with the set. Y-PSNR and Y-SSIM (BT.601) on outputs
 * rounded to 8 bits, with {@code scale} pixels of border excluded, as SR papers report them.
 *
 * <p>Usage: {@code SuperResolutionQuality [SET5_DIR]} (default ../shared/data/Set5).
 */
public final class SuperResolutionQuality {

  private static final List<String> IMAGES = List.of("baby", "bird", "butterfly", "head", "woman");

  private SuperResolutionQuality() {}

  public static void main(String[] args) throws Exception {
    Path set5 = Path.of(args.length > 0 ? args[0] : "../shared/data/Set5");
    OpenCvRuntime.ensureLoaded();
    NeuralModels models = NeuralModels.configured();
    System.out.println("Set5, Y channel, border = scale; engine " + models.engine().describe());
    for (int scale : new int[] {2, 4}) {
      Map<String, double[]> rows = new LinkedHashMap<>();
      List<PlanarImage> hr = new ArrayList<>();
      List<PlanarImage> lr = new ArrayList<>();
      for (String name : IMAGES) {
        hr.add(decode(set5.resolve("HR").resolve(name + ".png")));
        lr.add(
            decode(
                set5.resolve("LR_bicubic")
                    .resolve("X" + scale)
                    .resolve(name + "x" + scale + ".png")));
      }
      rows.put("bicubic", score(hr, lr, scale, image -> bicubic(image, scale)));
      rows.put("lanczos", score(hr, lr, scale, image -> LanczosUpscaler.upscale(image, scale)));
      List<String> ids = new ArrayList<>(List.of("esrgan-slim", "esrgan-medium", "esrgan-thick"));
      if (scale == 2) {
        ids.add("default-model");
      }
      for (String family : ids) {
        try (NeuralModel model = models.load(family + "-x" + scale)) {
          NeuralUpscaler upscaler = new NeuralUpscaler(model);
          rows.put(
              model.id(),
              score(
                  hr,
                  lr,
                  scale,
                  image -> upscaler.upscale(image, upscaler.defaultTiling(), done -> {})));
        }
      }
      System.out.printf(Locale.ROOT, "%nx%d%n%-18s", scale, "method");
      for (String name : IMAGES) {
        System.out.printf(Locale.ROOT, " %10s", name);
      }
      System.out.printf(Locale.ROOT, " %10s %10s %10s%n", "mean PSNR", "vs bicubic", "mean SSIM");
      double bicubicMean = rows.get("bicubic")[IMAGES.size()];
      for (Map.Entry<String, double[]> row : rows.entrySet()) {
        double[] v = row.getValue();
        System.out.printf(Locale.ROOT, "%-18s", row.getKey());
        for (int i = 0; i < IMAGES.size(); i++) {
          System.out.printf(Locale.ROOT, " %10.2f", v[i]);
        }
        System.out.printf(
            Locale.ROOT,
            " %10.2f %+10.2f %10.4f%n",
            v[IMAGES.size()],
            v[IMAGES.size()] - bicubicMean,
            v[IMAGES.size() + 1]);
      }
    }
  }

  interface Upscale {
    PlanarImage apply(PlanarImage image) throws Exception;
  }

  /** Per-image Y-PSNR, then mean Y-PSNR and mean Y-SSIM. */
  private static double[] score(
      List<PlanarImage> hr, List<PlanarImage> lr, int scale, Upscale method) throws Exception {
    double[] v = new double[hr.size() + 2];
    for (int i = 0; i < hr.size(); i++) {
      PlanarImage out = quantised(method.apply(lr.get(i)));
      v[i] = QualityMetrics.psnrY(hr.get(i), out, scale);
      v[hr.size()] += v[i] / hr.size();
      v[hr.size() + 1] += QualityMetrics.ssimY(hr.get(i), out, scale) / hr.size();
    }
    return v;
  }

  private static PlanarImage decode(Path file) throws Exception {
    return new ImageDecoder().decode(file).pixels().withoutAlpha();
  }

  /** As written to an 8-bit file. */
  private static PlanarImage quantised(PlanarImage image) {
    float[][] planes = new float[image.colourChannels()][];
    for (int c = 0; c < planes.length; c++) {
      float[] p = image.plane(c).clone();
      for (int i = 0; i < p.length; i++) {
        p[i] = Math.round(Math.max(0f, Math.min(1f, p[i])) * 255f) / 255f;
      }
      planes[c] = p;
    }
    return PlanarImage.of(image.width(), image.height(), planes, null);
  }

  private static PlanarImage bicubic(PlanarImage image, int scale) {
    int w = image.width();
    int h = image.height();
    float[][] planes = new float[image.colourChannels()][];
    for (int c = 0; c < planes.length; c++) {
      Mat in = new Mat(h, w, org.opencv.core.CvType.CV_32F);
      in.put(0, 0, image.plane(c));
      Mat out = new Mat();
      Imgproc.resize(in, out, new Size(w * scale, h * scale), 0, 0, Imgproc.INTER_CUBIC);
      planes[c] = new float[w * scale * h * scale];
      out.get(0, 0, planes[c]);
      in.release();
      out.release();
    }
    return PlanarImage.of(w * scale, h * scale, planes, null);
  }
}
