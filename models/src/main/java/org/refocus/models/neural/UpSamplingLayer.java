package org.refocus.models.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;

/** Keras {@code UpSampling2D} with nearest-neighbour interpolation: each pixel repeated. */
final class UpSamplingLayer extends Layer {

  private final int rows;
  private final int columns;

  UpSamplingLayer(String name, List<String> inputs, int rows, int columns) {
    super(name, inputs);
    this.rows = rows;
    this.columns = columns;
  }

  @Override
  Shape outputShape(List<Shape> inputShapes) {
    Shape in = single(inputShapes);
    return new Shape(in.get(0), in.get(1), in.get(2) * rows, in.get(3) * columns);
  }

  @Override
  NDArray forward(ParameterStore parameters, List<NDArray> inputs) {
    NDArray tall = inputs.get(0).repeat(2, rows);
    NDArray result = tall.repeat(3, columns);
    tall.close();
    return result;
  }
}
