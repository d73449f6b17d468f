package org.refocus.models.restore;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Core;
import org.opencv.imgproc.Imgproc;
import org.refocus.models.cv.OpenCvRuntime;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.quality.Luminance;

/**
 * Estimates a camera shake's kernel from the blurred photograph alone: the L0 gradient prior of
 * Pan, Hu, Su and Yang ("Deblurring text images via L0-regularized intensity and gradient prior",
 * CVPR 2014) with the details of their published code, alternating a latent image ({@link
 * L0LatentImage}) with a kernel fitted on its salient gradients ({@link KernelFit}, {@link
 * SalientEdges}), coarse to fine in steps of √2, λ and the gradients' bar decaying by 1.1 each
 * round across all scales.
 *
 * <p>One change decides whether it works. The plane is extended by reflection for the periodic
 * solves, and only latent gradients at least a kernel's width inside the photograph enter the
 * kernel's fit. Otherwise the seam the periodic transforms see across the extension, the strongest
 * edge in the picture and not blurred, pulls the kernel toward a delta: blur explained as no blur
 * (on four Kodak photographs behind KAIR's camera shakes, 2 raised without the mask, 4 with it;
 * {@code bench/RESULTS.md}).
 *
 * <p>The kernel's extent is not known. {@link #estimate(PlanarImage)} tries squares of growing side
 * and keeps the first whose estimate stays clear of the square's edge: an estimate that touches it
 * was cut short; a square far larger than the blur lets noise spread the kernel. Where none does,
 * on an image large enough for a large shake's square, it takes the first that does once its faint
 * tails are cut ({@link #TAIL_CUT}), if the cut leaves most of its weight ({@link
 * #TAIL_CUT_LEAST_KEPT}).
 */
public final class BlindKernelEstimator {

  /**
   * Named in each step record that deconvolves with an estimate: a change to the method or its
   * constants changes the kernel, so it takes a new version.
   */
  public static final String VERSION = "l0-salient-edges/3";

  /** The squares tried, smallest first: steps of about √2 up to the largest shake handled. */
  static final List<Integer> SIDES = List.of(25, 37, 51, 75, 101);

  /**
   * The least distance in pixels from an estimate's support to its square's edge to accept it: an
   * estimate that touches the edge (0) was cut short. Measured on the 24 Kodak pairs behind KAIR's
   * shakes, every square on every pair ({@code bench/RESULTS.md}): asking for 3 px sent 11 pairs
   * whose estimate fit 1–2 px inside the next square up, where noise spreads the kernel more often
   * than it helps (kodim09: +3.2 dB at 25 px, −4.0 at 37; kodim06 and 18 fit only at 75 px, 1 and 2
   * px inside, and no larger square held them); 1 px raised 21 pairs, 3 px 18.
   */
  static final int FIT_MARGIN = 1;

  /**
   * Where no square holds an estimate clear of its edge, each is tried again cut at this share of
   * its peak (the solve's own cut is {@link KernelFit#CUT}) and pruned, smallest square first. The
   * large shakes behind KAIR's k_large_1 and k_large_2 (53×51 and 64×56 px) touch the edge of every
   * square only in faint speckle: cut at 15–30% of their peak, kodim17's 51 px estimate and
   * kodim24's 75 px one clear it by 1–2 px and gain +3.5 and +1.8 dB (at 10% neither of those two
   * clears it). Cutting every estimate as hard loses on the small shakes, whose own tails carry
   * their shape (kodim01 behind k09: +5.0 dB at 5%, +1.7 at 20%; kodim02 behind k10: +4.4 and
   * −0.1), so the harder cut is only the fallback ({@code bench/RESULTS.md}).
   */
  public static final double TAIL_CUT = 0.2;

  /**
   * …and only where the cut keeps at least this share of the estimate's weight: tails, not the
   * kernel, are what it may remove. A kernel squeezed into too small a square, or spread by noise
   * in too large a one, can clear the edge once cut too, having lost more. Over every square of the
   * pairs above and of the held-out labelled set's large shakes, the cut estimates that kept at
   * least 0.8 all gained (0.81–0.90), those that lost kept 0.60–0.79 (kodim18 behind k_large_2 at σ
   * 1, which reaches the fallback: 0.70 in the 51 px square, −0.6 dB; 0.78 in the 101 px one, −1.0
   * dB). A one-sided rule: some that gained kept less too.
   */
  static final double TAIL_CUT_LEAST_KEPT = 0.8;

  /**
   * …and only on an image that allows squares of this side (a short side of 300 px or more), where
   * it may then take any square's estimate. On 128–160 px crops of Kodak photographs behind KAIR's
   * k09–k12, which allow squares of 25 and 37 px only, the three estimates it took lost 0.35–1.36
   * dB, estimated as they were on few edges; on 256 px crops the one it took gained 0.10, on 384 px
   * crops it took none. On larger images it was measured on the Kodak photographs (51 and 75 px
   * squares) and on OpenCV's camera-shaken page, 588×365, whose 37 px estimate it takes ({@code
   * bench/RESULTS.md}).
   */
  static final int TAIL_CUT_LEAST_SQUARE_ALLOWED = 75;

  /**
   * The translation in pixels over which two estimates are compared: each is centred on its own
   * centroid, which faint tails move by a pixel or two.
   */
  static final int AGREEMENT_SHIFT = 4;

  /** The centre crop estimated on: a shake is the same over the frame, and time grows with area. */
  static final int MAX_CROP_SIDE = 1024;

  static final double SCALE_STEP = Math.sqrt(0.5);
  static final int COARSEST_SIDE = 5;
  static final int ROUNDS_PER_SCALE = 5;
  static final double FIRST_LAMBDA = 4e-3;
  static final double LEAST_LAMBDA = 1e-4;
  static final double DECAY = 1.1;
  static final double PRUNE_SHARE = 0.1;

  /**
   * An accepted estimate: the kernel, the square it was estimated in, its margin there, and the
   * share of its peak under which it was cut ({@link KernelFit#CUT}, or {@link #TAIL_CUT} where
   * only its tails' cut cleared the edge).
   */
  public record Estimate(PointSpreadFunction psf, int side, int margin, double cut) {}

  private BlindKernelEstimator() {}

  /**
   * The largest square tried on an image of this size, or 0 where it is too small for any: a square
   * needs four times its side of photograph in each direction to be estimated.
   */
  public static int largestSide(int width, int height) {
    int shortSide = Math.min(Math.min(width, height), MAX_CROP_SIDE);
    int largest = 0;
    for (int side : SIDES) {
      largest = shortSide >= 4 * side ? side : largest;
    }
    return largest;
  }

  /** Whether an image of this size gets the fallback that cuts faint tails ({@link #TAIL_CUT}). */
  public static boolean cutsFaintTails(int width, int height) {
    return largestSide(width, height) >= TAIL_CUT_LEAST_SQUARE_ALLOWED;
  }

  /**
   * The estimate of the first square it fits; else the first that fits with its faint tails cut
   * ({@link #TAIL_CUT}); else empty.
   */
  public static Optional<Estimate> estimate(PlanarImage image) {
    int cropW = Math.min(image.width(), MAX_CROP_SIDE);
    int cropH = Math.min(image.height(), MAX_CROP_SIDE);
    double[] luma =
        Luminance.fullRange(
            image.colourRegion(
                (image.width() - cropW) / 2, (image.height() - cropH) / 2, cropW, cropH));
    int largest = largestSide(image.width(), image.height());
    List<KernelGrid> touchingEdge = new ArrayList<>();
    for (int side : SIDES) {
      if (side > largest) {
        break;
      }
      try {
        KernelGrid k = estimateInSquare(luma, cropW, cropH, side);
        if (k.margin() >= FIT_MARGIN) {
          return Optional.of(estimateOf(k, KernelFit.CUT));
        }
        touchingEdge.add(k);
      } catch (KernelGrid.NoBlurFound e) {
        // no kernel at this size; a larger square may hold one
      }
    }
    return cutsFaintTails(image.width(), image.height())
        ? withFaintTailsCut(touchingEdge)
        : Optional.empty();
  }

  /**
   * How closely the two halves of the image, split across its longer side, reproduce this kernel:
   * the lesser agreement of their own estimates with it ({@link PointSpreadFunction#agreement}), 0
   * where a half yields none. A camera shake blurs the whole frame alike; a kernel fitted to the
   * content of a sharp photograph (a brick wall's courses, say) is not found again in each half.
   * Each half's estimate takes seconds, so the second is not made where the first already agrees
   * less than {@code enough}: the answer is then the first's.
   */
  public static double halvesAgreement(
      PlanarImage image, PointSpreadFunction kernel, double enough) {
    int[] size = halfSize(image.width(), image.height());
    List<PlanarImage> halves =
        List.of(
            image.colourRegion(0, 0, size[0], size[1]),
            image.colourRegion(
                image.width() - size[0], image.height() - size[1], size[0], size[1]));
    double least = 1;
    for (PlanarImage half : halves) {
      least =
          Math.min(
              least,
              estimate(half).map(e -> e.psf().agreement(kernel, AGREEMENT_SHIFT)).orElse(0.0));
      if (least < enough) {
        break;
      }
    }
    return least;
  }

  /**
   * Whether each half of an image this size tries the square this estimate came from, and cuts
   * faint tails where the estimate needed that: a half that cannot would find nothing, for want of
   * room rather than of the blur.
   */
  public static boolean halvesCanReproduce(int width, int height, Estimate estimate) {
    int[] half = halfSize(width, height);
    return largestSide(half[0], half[1]) >= estimate.side()
        && (estimate.cut() != TAIL_CUT || cutsFaintTails(half[0], half[1]));
  }

  /** The width and height of each half of an image split across its longer side. */
  private static int[] halfSize(int width, int height) {
    return width >= height ? new int[] {width / 2, height} : new int[] {width, height / 2};
  }

  /**
   * The first of the estimates that touched their square's edge that clears it once cut at {@link
   * #TAIL_CUT}, where the cut keeps at least {@link #TAIL_CUT_LEAST_KEPT} of its weight.
   */
  static Optional<Estimate> withFaintTailsCut(List<KernelGrid> touchingEdge) {
    for (KernelGrid k : touchingEdge) {
      if (k.shareAtLeast(TAIL_CUT) < TAIL_CUT_LEAST_KEPT) {
        continue;
      }
      try {
        KernelGrid trimmed = k.cutBelow(TAIL_CUT).pruned(PRUNE_SHARE).centred();
        if (trimmed.margin() >= FIT_MARGIN) {
          return Optional.of(estimateOf(trimmed, TAIL_CUT));
        }
      } catch (KernelGrid.NoBlurFound e) {
        // nothing left of this square's estimate once cut
      }
    }
    return Optional.empty();
  }

  private static Estimate estimateOf(KernelGrid k, double cut) {
    return new Estimate(k.toPointSpreadFunction().centred(), k.side(), k.margin(), cut);
  }

  /** The kernel in a square of {@code side}, estimated on a luminance plane in 0..1. */
  static KernelGrid estimateInSquare(double[] plane, int width, int height, int side) {
    OpenCvRuntime.ensureLoaded();
    int scales =
        Math.max(
                (int) Math.floor(Math.log((double) COARSEST_SIDE / side) / Math.log(SCALE_STEP)), 0)
            + 1;
    KernelGrid k = null;
    Schedule schedule = new Schedule();
    for (int s = 0; s < scales; s++) {
      boolean finest = s == scales - 1;
      double scale = Math.pow(SCALE_STEP, scales - 1 - s);
      int ks = (int) Math.ceil(side * scale);
      ks += ks % 2 == 0 ? 1 : 0;
      int w = finest ? width : (int) Math.rint(width * scale);
      int h = finest ? height : (int) Math.rint(height * scale);
      double[] y =
          finest ? plane : PlaneResampling.resize(plane, width, height, w, h, Imgproc.INTER_AREA);
      k = k == null ? KernelGrid.initial(ks) : k.resized(ks);
      if (Double.isNaN(schedule.bar)) {
        schedule.bar = SalientEdges.firstBar(y, w, h, ks);
      }
      k = refine(Extension.of(y, w, h, ks), k, schedule);
    }
    return k;
  }

  /** λ and the salient gradients' bar: both decay each round, across all scales. */
  private static final class Schedule {
    double bar = Double.NaN;
    double lambda = FIRST_LAMBDA;

    void decay() {
      bar /= DECAY;
      lambda = Math.max(lambda / DECAY, LEAST_LAMBDA);
    }
  }

  /** One scale's rounds: latent image, then the kernel fitted on its salient gradients. */
  private static KernelGrid refine(Extension e, KernelGrid k, Schedule schedule) {
    try (PlaneFourier fourier = new PlaneFourier(e.width(), e.height())) {
      int n = e.width() * e.height();
      double[] bx = new double[n];
      double[] by = new double[n];
      PeriodicDifferences.of(e.plane(), e.width(), e.height(), bx, by);
      double[] blurredX = fourier.forward(bx);
      double[] blurredY = fourier.forward(by);
      double[] lx = new double[n];
      double[] ly = new double[n];
      for (int round = 0; round < ROUNDS_PER_SCALE; round++) {
        double[] latent = L0LatentImage.solve(fourier, e.plane(), k, schedule.lambda);
        PeriodicDifferences.of(latent, e.width(), e.height(), lx, ly);
        keepSalient(e, lx, ly, k.side(), schedule.bar);
        k =
            KernelFit.solve(fourier, blurredX, blurredY, lx, ly, k.side())
                .pruned(PRUNE_SHARE)
                .centred();
        schedule.decay();
      }
      return k;
    }
  }

  /**
   * Zeroes the latent gradients that may not enter the kernel's fit: those under the bar, and all
   * within a kernel's side of the photograph's edge (see the class comment).
   */
  private static void keepSalient(Extension e, double[] lx, double[] ly, int side, double bar) {
    for (int row = 0; row < e.height(); row++) {
      for (int col = 0; col < e.width(); col++) {
        int i = row * e.width() + col;
        boolean kept = e.isInside(col, row, side) && lx[i] * lx[i] + ly[i] * ly[i] >= bar;
        lx[i] = kept ? lx[i] : 0;
        ly[i] = kept ? ly[i] : 0;
      }
    }
  }

  /**
   * A plane extended by reflection for the periodic solves: by the kernel's side on every side,
   * then to the DFT's preferred size at right and bottom; the photograph's pixel (0, 0) at (left,
   * top).
   */
  private record Extension(
      double[] plane, int width, int height, int left, int top, int innerWidth, int innerHeight) {

    static Extension of(double[] plane, int width, int height, int pad) {
      int paddedW = Core.getOptimalDFTSize(width + 2 * pad);
      int paddedH = Core.getOptimalDFTSize(height + 2 * pad);
      double[] out = new double[paddedW * paddedH];
      for (int row = 0; row < paddedH; row++) {
        int sy = Padding.mirror(row - pad, height);
        for (int col = 0; col < paddedW; col++) {
          out[row * paddedW + col] = plane[sy * width + Padding.mirror(col - pad, width)];
        }
      }
      return new Extension(out, paddedW, paddedH, pad, pad, width, height);
    }

    /** Whether (col, row) lies at least {@code inset} inside the photograph's own edges. */
    boolean isInside(int col, int row, int inset) {
      int x = col - left;
      int y = row - top;
      return x >= inset && y >= inset && x < innerWidth - inset && y < innerHeight - inset;
    }
  }
}
