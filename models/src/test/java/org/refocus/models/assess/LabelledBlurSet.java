package org.refocus.models.assess;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.refocus.models.SharedData;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.io.ImageReadException;
import org.refocus.models.restore.Degradations;
import org.refocus.models.restore.PointSpreadFunction;

/**
 * Kodak24 photographs degraded in known ways, each labelled with its blur type: straight motion at
 * known angle and length, the measured camera-shake kernels of the KAIR set, defocus disks of known
 * radius, area-down/bicubic-up at known factor, and left sharp; every case then captured with
 * Gaussian noise of known σ and 8-bit quantisation, some stored as JPEG. Seeded, so the same set
 * every run.
 */
public final class LabelledBlurSet {

  /** One labelled image, and the sharp photograph it was made from. */
  public record Case(
      String name, BlurType label, String degradation, PlanarImage image, PlanarImage original) {}

  private LabelledBlurSet() {}

  public static List<Case> build(long seed) throws IOException, ImageReadException {
    SplittableRandom random = new SplittableRandom(seed);
    ImageDecoder decoder = new ImageDecoder();
    List<PointSpreadFunction> kair = new ArrayList<>();
    for (String name : Degradations.KAIR_CAMERA_SHAKE) {
      kair.add(Degradations.measuredKernel(SharedData.path("blur_kernels_KAIR", name)));
    }
    List<Case> cases = new ArrayList<>();
    for (int i = 1; i <= 24; i++) {
      String name = String.format("kodim%02d", i);
      PlanarImage sharp = decoder.decode(SharedData.path("Kodak24", name + ".png")).pixels();
      for (int kind = 0; kind < 5; kind++) {
        PlanarImage degraded;
        String degradation;
        BlurType label;
        switch (kind) {
          case 0 -> {
            degraded = sharp;
            degradation = "none";
            label = BlurType.SHARP;
          }
          case 1 -> {
            double angle = random.nextInt(180);
            double length = 8 + random.nextInt(23);
            degraded = Degradations.blur(sharp, PointSpreadFunction.motion(length, angle));
            degradation = String.format("line %.0f px at %.0f°", length, angle);
            label = BlurType.MOTION;
          }
          case 2 -> {
            int k = (i - 1) % Degradations.KAIR_CAMERA_SHAKE.size();
            degraded = Degradations.blur(sharp, kair.get(k));
            degradation = "KAIR " + Degradations.KAIR_CAMERA_SHAKE.get(k);
            label = BlurType.MOTION;
          }
          case 3 -> {
            double radius = 2.5 + 0.5 * random.nextInt(12);
            degraded = Degradations.blur(sharp, PointSpreadFunction.disk(radius));
            degradation = String.format("disk r=%.1f", radius);
            label = BlurType.DEFOCUS;
          }
          default -> {
            int factor = 2 + random.nextInt(3);
            degraded = Degradations.lowResolution(sharp, factor);
            degradation = "down-up x" + factor;
            label = BlurType.LOW_RESOLUTION;
          }
        }
        int variant = (i + kind) % 4;
        double levels = new double[] {1, 3, 6, 1}[variant];
        PlanarImage captured = Degradations.capture(degraded, levels / 255, random);
        if (variant == 3) {
          captured = Degradations.jpeg(captured, 0.8f);
          degradation += ", σ 1 + JPEG q80";
        } else {
          degradation += String.format(", σ %.0f", levels);
        }
        cases.add(new Case(name, label, degradation, captured, sharp));
      }
    }
    return cases;
  }
}
