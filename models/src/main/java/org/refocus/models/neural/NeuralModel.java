package org.refocus.models.neural;

import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.types.Shape;
import org.refocus.models.image.PlanarImage;
import org.refocus.models.store.ModelPackage;
import org.refocus.models.store.ModelSpec;

/**
 * A catalogued model loaded on an engine. The weights are shared; each thread takes its own {@link
 * #newPredictor()} (DJL predictors are not shared between threads). {@link MxnetThreading} selects
 * MXNet's {@code NaiveEngine}, which runs each operator on the calling thread, so threads infer
 * side by side (the threaded engine would run one inference at a time per process); the CLI and the
 * batch partitions each call from one thread.
 */
public final class NeuralModel implements LoadedModel {

  private final ModelSpec spec;
  private final ModelPackage source;
  private final InferenceEngine engine;
  private final Model model;
  private final LayerGraphBlock block;
  private final String weightsSha256;

  NeuralModel(
      ModelSpec spec,
      ModelPackage source,
      InferenceEngine engine,
      Model model,
      LayerGraphBlock block,
      String weightsSha256) {
    this.spec = spec;
    this.source = source;
    this.engine = engine;
    this.model = model;
    this.block = block;
    this.weightsSha256 = weightsSha256;
  }

  @Override
  public ModelSpec spec() {
    return spec;
  }

  @Override
  public ModelPackage source() {
    return source;
  }

  @Override
  public InferenceEngine engine() {
    return engine;
  }

  @Override
  public String weightsSha256() {
    return weightsSha256;
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
