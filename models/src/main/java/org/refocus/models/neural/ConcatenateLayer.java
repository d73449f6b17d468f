package org.refocus.models.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;

/** Keras {@code Concatenate}, its NHWC axis mapped to NCHW. */
final class ConcatenateLayer extends Layer {

  private final int axis;

  ConcatenateLayer(String name, List<String> inputs, int nchwAxis) {
    super(name, inputs);
    this.axis = nchwAxis;
  }

  @Override
  Shape outputShape(List<Shape> inputShapes) {
    long[] dims = inputShapes.get(0).getShape().clone();
    for (int i = 1; i < inputShapes.size(); i++) {
      dims[axis] += inputShapes.get(i).get(axis);
    }
    return new Shape(dims);
  }

  @Override
  NDArray forward(ParameterStore parameters, List<NDArray> inputs) {
    return NDArrays.concat(new NDList(inputs), axis);
  }
}
