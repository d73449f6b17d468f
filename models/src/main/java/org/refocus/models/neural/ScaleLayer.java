package org.refocus.models.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * Multiplication by a constant: the RRDN models' custom {@code MultiplyBeta} (residual scaling).
 */
final class ScaleLayer extends Layer {

  private final float factor;

  ScaleLayer(String name, List<String> inputs, float factor) {
    super(name, inputs);
    this.factor = factor;
  }

  @Override
  Shape outputShape(List<Shape> inputShapes) {
    return single(inputShapes);
  }

  @Override
  NDArray forward(ParameterStore parameters, List<NDArray> inputs) {
    return inputs.get(0).mul(factor);
  }
}
