package org.refocus.models.restore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.refocus.models.SharedData;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.quality.QualityMetrics;

class BlindKernelEstimatorTest {

  /** L1 distance between two kernels laid over each other at their centres: 0 to 2. */
  static double distance(PointSpreadFunction a, PointSpreadFunction b) {
    int r = Math.max(a.radius(), b.radius());
    double sum = 0;
    for (int dy = -r; dy <= r; dy++) {
      for (int dx = -r; dx <= r; dx++) {
        sum += Math.abs(weight(a, dx, dy) - weight(b, dx, dy));
      }
    }
    return sum;
  }

  private static double weight(PointSpreadFunction p, int dx, int dy) {
    return Math.max(Math.abs(dx), Math.abs(dy)) > p.radius() ? 0 : p.at(dx, dy);
  }

  /** A Kodak photograph blurred by a centred KAIR kernel and stored in 8 bits. */
  private record ShakenPair(PlanarImage sharp, PointSpreadFunction truth, PlanarImage blurred) {

    static ShakenPair of(String photograph, String kernel) throws Exception {
      PointSpreadFunction truth =
          Degradations.measuredKernel(SharedData.path("blur_kernels_KAIR", kernel)).centred();
      PlanarImage sharp =
          new ImageDecoder().decode(SharedData.path("Kodak24", photograph)).pixels();
      return new ShakenPair(
          sharp,
          truth,
          Degradations.capture(Degradations.blur(sharp, truth), 0, new SplittableRandom(1)));
    }

    /**
     * PSNR gained by deconvolving with the kernel, outside a border of the true kernel's radius.
     */
    double gain(PointSpreadFunction kernel, double strength) {
      PlanarImage restored = HyperLaplacianDeconvolution.apply(blurred, kernel, 3e-4, strength);
      return QualityMetrics.psnr(sharp, restored, truth.radius())
          - QualityMetrics.psnr(sharp, blurred, truth.radius());
    }
  }

  /**
   * kodim10 behind KAIR's k12, stored in 8 bits: the estimate fits the smallest square, lies near
   * the true kernel, and deconvolving with it gains several decibels (measured: L1 0.64, +4.8 dB
   * with the prior the pipeline would choose).
   */
  @Test
  void findsAMeasuredCameraShakeFromThePhotographAlone() throws Exception {
    ShakenPair pair = ShakenPair.of("kodim10.png", "kernels_12/k12.txt");

    BlindKernelEstimator.Estimate estimate =
        BlindKernelEstimator.estimate(pair.blurred()).orElseThrow();

    assertThat(estimate.side()).isEqualTo(25);
    assertThat(estimate.cut()).isEqualTo(KernelFit.CUT);
    assertThat(estimate.margin()).isGreaterThanOrEqualTo(BlindKernelEstimator.FIT_MARGIN);
    assertThat(distance(estimate.psf(), pair.truth())).isLessThan(0.8);
    // a delta would be 2 from the truth, the no-blur answer the border seam pulls toward
    assertThat(distance(estimate.psf(), PointSpreadFunction.of(new double[][] {{1}})))
        .isGreaterThan(1.5);
    assertThat(pair.gain(estimate.psf(), 1)).isGreaterThan(3);
  }

  /**
   * kodim09 behind KAIR's k11 (9×20 px): the estimate in the smallest square keeps only 1 px from
   * its edge and is taken; the next square's estimate of this pair is far off and lost 4 dB
   * (bench/RESULTS.md), which is why the margin asked for is 1 px, not 3.
   */
  @Test
  void takesAnEstimateThatFitsItsSquareWithASinglePixelToSpare() throws Exception {
    ShakenPair pair = ShakenPair.of("kodim09.png", "kernels_12/k11.txt");

    BlindKernelEstimator.Estimate estimate =
        BlindKernelEstimator.estimate(pair.blurred()).orElseThrow();

    assertThat(estimate.side()).isEqualTo(25);
    assertThat(estimate.margin()).isBetween(BlindKernelEstimator.FIT_MARGIN, 2);
    // measured: L1 1.04 as laid over (0.59 shifted by a pixel: centring rounds), +3.16 dB
    assertThat(distance(estimate.psf(), pair.truth())).isLessThan(1.2);
    assertThat(pair.gain(estimate.psf(), 0.7)).isGreaterThan(2);
  }

  /**
   * kodim17 behind KAIR's k_large_1 (53×51 px): every square's estimate runs to its edge at the
   * solve's own cut; the 51 px one only in faint tails, and cut at {@link
   * BlindKernelEstimator#TAIL_CUT} of its peak it clears the edge (measured: L1 0.51, +3.5 dB).
   * About 25 s: every square is tried.
   */
  @Test
  void cutsTheFaintTailsOfALargeShakeThatNoSquareHoldsWhole() throws Exception {
    ShakenPair pair = ShakenPair.of("kodim17.png", "k_large_1.png");

    BlindKernelEstimator.Estimate estimate =
        BlindKernelEstimator.estimate(pair.blurred()).orElseThrow();

    assertThat(estimate.cut()).isEqualTo(BlindKernelEstimator.TAIL_CUT);
    assertThat(estimate.side()).isEqualTo(51);
    assertThat(estimate.margin()).isGreaterThanOrEqualTo(BlindKernelEstimator.FIT_MARGIN);
    assertThat(distance(estimate.psf(), pair.truth())).isLessThan(0.8);
    assertThat(pair.gain(estimate.psf(), 0.7)).isGreaterThan(2);
  }

  /**
   * A 128 px crop of kodim06 behind k11 allows only the 25 px square, whose estimate touches its
   * edge; cut at {@link BlindKernelEstimator#TAIL_CUT} it would clear it and lose 1.1 dB
   * (measured), so an image this small gets no fallback.
   */
  @Test
  void cutsNoTailsOnAnImageTooSmallForALargeShakesSquare() throws Exception {
    PlanarImage blurred = ShakenPair.of("kodim06.png", "kernels_12/k11.txt").blurred();
    PlanarImage crop =
        blurred.colourRegion(blurred.width() / 2 - 64, blurred.height() / 2 - 64, 128, 128);

    assertThat(BlindKernelEstimator.cutsFaintTails(128, 128)).isFalse();
    assertThat(BlindKernelEstimator.estimate(crop)).isEmpty();
  }

  /**
   * A 25 px square's estimate: a 9 px stroke through the centre at weight 1, and a trail at {@code
   * trail} from its right end to the square's edge, one pixel high and {@code rows} high.
   */
  private static KernelGrid strokeWithTrail(double trail, int rows) {
    int side = 25;
    double[] w = new double[side * side];
    for (int x = 8; x <= 16; x++) {
      w[12 * side + x] = 1;
    }
    for (int y = 12; y < 12 + rows; y++) {
      for (int x = 17; x < side; x++) {
        w[y * side + x] = trail;
      }
    }
    return new KernelGrid(side, w);
  }

  @Test
  void cutsAFaintTrailButNotWeightTheKernelCannotSpare() {
    // a trail at a tenth of the peak holds 0.8 of 9.8: cut, the stroke stands clear of the edge
    KernelGrid faint = strokeWithTrail(0.1, 1);
    assertThat(faint.margin()).isZero();

    assertThat(BlindKernelEstimator.withFaintTailsCut(List.of(faint)))
        .hasValueSatisfying(
            e -> {
              assertThat(e.cut()).isEqualTo(BlindKernelEstimator.TAIL_CUT);
              assertThat(e.side()).isEqualTo(25);
              assertThat(e.psf().supportExtent()).containsExactly(9, 1);
            });
    // a trail at 0.15 of the peak, eight rows high, holds 9.6 of 18.6: the cut would clear the
    // edge, but by taking half the weight, not tails
    KernelGrid heavy = strokeWithTrail(0.15, 8);
    assertThat(heavy.shareAtLeast(BlindKernelEstimator.TAIL_CUT))
        .isLessThan(BlindKernelEstimator.TAIL_CUT_LEAST_KEPT);
    assertThat(BlindKernelEstimator.withFaintTailsCut(List.of(heavy))).isEmpty();
    // the first that qualifies is taken
    assertThat(BlindKernelEstimator.withFaintTailsCut(List.of(heavy, faint))).isPresent();
  }

  @Test
  void estimatesNothingOnAnImageTooSmallForTheSmallestSquare() {
    float[] gray = PeriodicPlanes.randomFloats(new SplittableRandom(5), 90 * 90);
    PlanarImage small = PlanarImage.gray(90, 90, gray);

    assertThat(BlindKernelEstimator.estimate(small)).isEmpty();
  }

  @Test
  void eachHalfIsAskedForAKernelOnlyWhereItTriesTheSquareTheEstimateCameFrom() {
    PointSpreadFunction psf = PointSpreadFunction.motion(15, 30);
    var from75 = new BlindKernelEstimator.Estimate(psf, 75, 2, 0.05);
    var from101 = new BlindKernelEstimator.Estimate(psf, 101, 2, 0.05);
    var cutFrom75 = new BlindKernelEstimator.Estimate(psf, 75, 2, BlindKernelEstimator.TAIL_CUT);

    // 768×512 splits into 384×512 halves, which try squares up to 75 px and cut faint tails
    assertThat(BlindKernelEstimator.halvesCanReproduce(768, 512, from75)).isTrue();
    assertThat(BlindKernelEstimator.halvesCanReproduce(512, 768, from75)).isTrue();
    assertThat(BlindKernelEstimator.halvesCanReproduce(768, 512, from101)).isFalse();
    assertThat(BlindKernelEstimator.halvesCanReproduce(768, 512, cutFrom75)).isTrue();
    // 598×400: halves of 299 px allow 51 px squares only
    assertThat(BlindKernelEstimator.halvesCanReproduce(598, 400, cutFrom75)).isFalse();
    // 150×150: halves of 75 px allow none
    assertThat(
            BlindKernelEstimator.halvesCanReproduce(
                150, 150, new BlindKernelEstimator.Estimate(psf, 25, 2, 0.05)))
        .isFalse();
  }
}
