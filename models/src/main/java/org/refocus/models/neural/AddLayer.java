package org.refocus.models.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;

/** Keras {@code Add}: the element-wise sum of its inputs, in their declared order. */
final class AddLayer extends Layer {

  AddLayer(String name, List<String> inputs) {
    super(name, inputs);
    if (inputs.size() < 2) {
      throw new UnsupportedLayerException("Add '" + name + "' needs two inputs or more");
    }
  }

  @Override
  Shape outputShape(List<Shape> inputShapes) {
    return inputShapes.get(0);
  }

  @Override
  NDArray forward(ParameterStore parameters, List<NDArray> inputs) {
    NDArray sum = inputs.get(0).add(inputs.get(1));
    for (int i = 2; i < inputs.size(); i++) {
      sum.addi(inputs.get(i));
    }
    return sum;
  }
}
