package org.refocus.models.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.imgproc.Imgproc;
import org.refocus.models.cv.OpenCvRuntime;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.DecodedImage;
import org.refocus.models.io.EncodeOptions;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.io.ImageEncoder;
import org.refocus.models.io.ImageFormat;
import org.refocus.models.io.ImageMetadata;
import org.refocus.models.io.ImageReadException;
import org.refocus.models.io.ImageWriteException;

/**
 * Known degradations of a sharp image, for measuring assessment and restoration against ground
 * truth (tests, calibration and benchmarks): never applied to a collection's images.
 */
public final class Degradations {

  /**
   * The camera-shake kernels of the KAIR set ({@code ../shared/data/blur_kernels_KAIR}), for {@link
   * #measuredKernel}: Levin et al.'s k09–k12 (25×25) and the two large ones (67 and 70 px); k01–k08
   * are Gaussian, not motion.
   */
  public static final List<String> KAIR_CAMERA_SHAKE =
      List.of(
          "kernels_12/k09.txt",
          "kernels_12/k10.txt",
          "kernels_12/k11.txt",
          "kernels_12/k12.txt",
          "k_large_1.png",
          "k_large_2.png");

  private Degradations() {}

  /** Each colour plane convolved with the PSF, borders mirrored. */
  public static PlanarImage blur(PlanarImage image, PointSpreadFunction psf) {
    OpenCvRuntime.ensureLoaded();
    int size = psf.size();
    Mat kernel = new Mat(size, size, CvType.CV_64F);
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        // filter2D correlates: store the PSF mirrored so the result is a convolution
        kernel.put(size - 1 - y, size - 1 - x, psf.at(x - psf.radius(), y - psf.radius()));
      }
    }
    float[][] planes = new float[image.colourChannels()][];
    for (int c = 0; c < planes.length; c++) {
      Mat src = new Mat(image.height(), image.width(), CvType.CV_32F);
      src.put(0, 0, image.plane(c));
      Mat dst = new Mat();
      Imgproc.filter2D(src, dst, -1, kernel, new Point(-1, -1), 0, Core.BORDER_REFLECT);
      planes[c] = new float[image.pixelCount()];
      dst.get(0, 0, planes[c]);
      src.release();
      dst.release();
    }
    kernel.release();
    return PlanarImage.of(image.width(), image.height(), planes, image.alpha());
  }

  /**
   * What a small original enlarged by a viewer looks like: area-averaged down by {@code factor},
   * then bicubic back up to the original size.
   */
  public static PlanarImage lowResolution(PlanarImage image, int factor) {
    OpenCvRuntime.ensureLoaded();
    int w = image.width();
    int h = image.height();
    float[][] planes = new float[image.colourChannels()][];
    for (int c = 0; c < planes.length; c++) {
      Mat src = new Mat(h, w, CvType.CV_32F);
      src.put(0, 0, image.plane(c));
      Mat small = new Mat();
      Imgproc.resize(
          src,
          small,
          new org.opencv.core.Size(
              Math.round(w / (double) factor), Math.round(h / (double) factor)),
          0,
          0,
          Imgproc.INTER_AREA);
      Mat large = new Mat();
      Imgproc.resize(small, large, new org.opencv.core.Size(w, h), 0, 0, Imgproc.INTER_CUBIC);
      planes[c] = new float[image.pixelCount()];
      large.get(0, 0, planes[c]);
      for (Mat m : new Mat[] {src, small, large}) {
        m.release();
      }
    }
    return PlanarImage.of(w, h, planes, image.alpha());
  }

  /** The image stored as a baseline JPEG of {@code quality} (0..1) and read back. */
  public static PlanarImage jpeg(PlanarImage image, float quality) {
    try {
      Path file = Files.createTempFile("refocus-degradation", ".jpg");
      try {
        DecodedImage decoded = new DecodedImage(image, ImageFormat.JPEG, 8, ImageMetadata.NONE, 1);
        new ImageEncoder()
            .write(decoded, file, EncodeOptions.forFile(file).withJpegQuality(quality));
        return new ImageDecoder().decode(file).pixels();
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException | ImageReadException | ImageWriteException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Gaussian noise of {@code sigma}, then 8-bit quantisation, as a camera stores it. */
  public static PlanarImage capture(PlanarImage image, double sigma, SplittableRandom random) {
    float[][] planes = new float[image.colourChannels()][];
    for (int c = 0; c < planes.length; c++) {
      float[] in = image.plane(c);
      float[] out = new float[in.length];
      for (int i = 0; i < in.length; i++) {
        double v = in[i] + sigma * gaussian(random);
        out[i] = Math.round(Math.max(0, Math.min(1, v)) * 255) / 255f;
      }
      planes[c] = out;
    }
    return PlanarImage.of(image.width(), image.height(), planes, image.alpha());
  }

  /**
   * A measured blur kernel as the KAIR set stores it: whitespace-separated weights, one row a line
   * ({@code .txt}), or an 8-bit gray PNG; padded to an odd side so it centres on a pixel.
   */
  public static PointSpreadFunction measuredKernel(Path file)
      throws IOException, ImageReadException {
    double[][] k;
    if (file.toString().endsWith(".txt")) {
      List<String> rows = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
      k = new double[rows.size()][];
      for (int y = 0; y < k.length; y++) {
        String[] cells = rows.get(y).trim().split("\\s+");
        k[y] = new double[cells.length];
        for (int x = 0; x < cells.length; x++) {
          k[y][x] = Double.parseDouble(cells[x]);
        }
      }
    } else {
      PlanarImage png = new ImageDecoder().decode(file).pixels();
      k = new double[png.height()][png.width()];
      for (int y = 0; y < png.height(); y++) {
        for (int x = 0; x < png.width(); x++) {
          k[y][x] = png.sample(0, x, y);
        }
      }
    }
    return PointSpreadFunction.of(oddSided(k));
  }

  /** k_large_2 is 70×70: a zero row and column make it centred on a pixel. */
  private static double[][] oddSided(double[][] k) {
    int side = Math.max(k.length, k[0].length) | 1;
    double[][] out = new double[side][side];
    for (int y = 0; y < k.length; y++) {
      System.arraycopy(k[y], 0, out[y], 0, k[y].length);
    }
    return out;
  }

  private static double gaussian(SplittableRandom random) {
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
