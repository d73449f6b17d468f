package org.refocus.models.graph;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.io.ImageDecoder;
import org.refocus.models.store.ModelCatalog;
import org.refocus.models.store.ModelSpec;
import org.refocus.models.store.ModelStore;
import org.refocus.models.tfjs.GraphModelFile;

/**
 * MAXIM denoising, run whole by our executor on its package's fixture (256², no padding needed),
 * against the package's result from TF.js. The packages' runtime truncates the 0..1 output to 8
 * bits (rounding instead leaves half the samples one level off: 51 dB), so this compares truncated
 * values.
 */
class MaximFidelityTest {

  @Test
  void denoisingReproducesTheShippedResult() throws Exception {
    ModelCatalog catalog = ModelCatalog.bundled();
    ModelSpec spec = catalog.model("maxim-denoising").orElseThrow();
    Path root = ModelStore.configured().ensure(catalog.packageOf(spec.id()).orElseThrow());
    PlanarImage fixture = new ImageDecoder().decode(root.resolve(spec.fixture())).pixels();
    PlanarImage expected = new ImageDecoder().decode(root.resolve(spec.sample())).pixels();
    int w = fixture.width();
    int h = fixture.height();
    float[] nhwc = new float[w * h * 3];
    for (int i = 0; i < w * h; i++) {
      for (int c = 0; c < 3; c++) {
        nhwc[i * 3 + c] = fixture.plane(c)[i];
      }
    }

    float[] out;
    try (NDManager manager = NDManager.newBaseManager();
        GraphExecutor executor =
            GraphExecutor.load(GraphModelFile.read(root.resolve(spec.modelJson())), manager)) {
      out = executor.run(manager.create(nhwc, new Shape(1, h, w, 3))).toFloatArray();
    }

    double squared = 0;
    int worst = 0;
    for (int i = 0; i < w * h; i++) {
      for (int c = 0; c < 3; c++) {
        int ours = (int) (Math.max(0f, Math.min(1f, out[i * 3 + c])) * 255f);
        int theirs = Math.round(expected.plane(c)[i] * 255f);
        squared += (double) (ours - theirs) * (ours - theirs);
        worst = Math.max(worst, Math.abs(ours - theirs));
      }
    }
    double psnr = 10 * Math.log10(255.0 * 255.0 / (squared / (3.0 * w * h)));
    System.out.printf(
        "maxim-denoising against its shipped result: %.2f dB, max error %d%n", psnr, worst);
    assertThat(psnr).isGreaterThanOrEqualTo(90);
    assertThat(worst).isLessThanOrEqualTo(1);
  }
}
