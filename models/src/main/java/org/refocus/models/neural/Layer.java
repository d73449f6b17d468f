package org.refocus.models.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * One node of an imported Keras graph, computing on NCHW arrays (Keras's NHWC axes are mapped at
 * import, so the engines' native layouts are used throughout).
 */
abstract class Layer {

  private final String name;
  private final List<String> inputs;

  Layer(String name, List<String> inputs) {
    this.name = name;
    this.inputs = List.copyOf(inputs);
  }

  final String name() {
    return name;
  }

  final List<String> inputs() {
    return inputs;
  }

  /** The learned tensors, in a fixed order (that order is the converted file's layout). */
  List<Parameter> parameters() {
    return List.of();
  }

  /** The shape {@code parameter} of this layer must have. */
  Shape parameterShape(Parameter parameter) {
    throw new IllegalArgumentException(parameter.getName() + " is not a parameter of " + name);
  }

  abstract Shape outputShape(List<Shape> inputShapes);

  abstract NDArray forward(ParameterStore parameters, List<NDArray> inputs);

  /**
   * Elements of the largest intermediate the engine may build for this layer (a convolution's
   * unfolded input), for keeping tiles below the engines' 32-bit indexing limits.
   */
  long workspaceElements(List<Shape> inputShapes) {
    return outputShape(inputShapes).size();
  }

  /** Multiply-adds per call for the given input shapes, for efficiency figures. */
  long multiplyAdds(List<Shape> inputShapes) {
    return 0;
  }

  static Shape single(List<Shape> shapes) {
    if (shapes.size() != 1) {
      throw new IllegalArgumentException("one input expected, not " + shapes.size());
    }
    return shapes.get(0);
  }
}
