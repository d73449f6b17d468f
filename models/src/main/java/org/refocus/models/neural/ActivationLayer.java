package org.refocus.models.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;

/** Keras {@code Activation}. */
final class ActivationLayer extends Layer {

  private final KerasActivation activation;

  ActivationLayer(String name, List<String> inputs, KerasActivation activation) {
    super(name, inputs);
    this.activation = activation;
  }

  @Override
  Shape outputShape(List<Shape> inputShapes) {
    return single(inputShapes);
  }

  @Override
  NDArray forward(ParameterStore parameters, List<NDArray> inputs) {
    NDArray x = inputs.get(0);
    return activation == KerasActivation.LINEAR ? x.duplicate() : activation.apply(x);
  }
}
