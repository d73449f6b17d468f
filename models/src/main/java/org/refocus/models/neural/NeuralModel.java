package org.refocus.models.neural;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.Shape;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.store.ModelPackage;
import org.refocus.models.store.ModelSpec;

/**
 * A catalogued model loaded on an engine. Thread-safe: each thread takes its own {@link
 * #newPredictor()} (DJL predictors are not shared between threads); the weights are shared.
 *
 * @param weightsSha256 SHA-256 over the package's model.json and weight shards as npm delivered
 *     them, in manifest order: what a step record cites to make a result reproducible
 */
public record NeuralModel(
    ModelSpec spec,
    ModelPackage source,
    InferenceEngine engine,
    Model model,
    LayerGraphBlock block,
    String weightsSha256)
    implements AutoCloseable {

  public String id() {
    return spec.id();
  }

  public int scale() {
    return spec.scale();
  }

  public Predictor<PlanarImage, PlanarImage> newPredictor() {
    return model.newPredictor(new ImageTranslator(spec.inputRange().equals("0-1") ? 1f : 255f));
  }

  /** Multiply-adds per input pixel (measured on a 64×64 input, exact for these graphs). */
  public double multiplyAddsPerPixel() {
    return block.multiplyAdds(new Shape(1, 3, 64, 64)) / (64.0 * 64.0);
  }

  /** Activation bytes per input pixel at peak (see {@link LayerGraphBlock#peakActivationBytes}). */
  public double activationBytesPerPixel() {
    return block.peakActivationBytes(new Shape(1, 3, 64, 64)) / (64.0 * 64.0);
  }

  /** Elements of the largest intermediate per input pixel. */
  public double workspacePerPixel() {
    return block.largestWorkspace(new Shape(1, 3, 64, 64)) / (64.0 * 64.0);
  }

  @Override
  public void close() {
    model.close();
  }
}
