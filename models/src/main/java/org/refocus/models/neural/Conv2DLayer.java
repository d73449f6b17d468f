package org.refocus.models.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import org.refocus.models.graph.ZeroPad;

/**
 * Keras {@code Conv2D}. The kernel is held as OIHW (converted from Keras's HWIO at import). TF's
 * {@code same} padding puts the odd pixel after, not before, so where it is asymmetric (even
 * kernels, strides above 1) the input is zero-padded explicitly first.
 */
final class Conv2DLayer extends Layer {

  private final int filters;
  private final int[] kernel;
  private final int[] strides;
  private final int[] dilation;
  private final boolean same;
  private final int groups;
  private final KerasActivation activation;
  private final Parameter weight;
  private final Parameter bias;
  private final Shape weightShape;

  Conv2DLayer(
      String name,
      List<String> inputs,
      int inChannels,
      int filters,
      int[] kernel,
      int[] strides,
      int[] dilation,
      boolean same,
      int groups,
      KerasActivation activation,
      boolean useBias) {
    super(name, inputs);
    if (inChannels % groups != 0 || filters % groups != 0) {
      throw new UnsupportedLayerException(
          "Conv2D '"
              + name
              + "': "
              + groups
              + " groups do not divide "
              + inChannels
              + "→"
              + filters);
    }
    this.filters = filters;
    this.kernel = kernel.clone();
    this.strides = strides.clone();
    this.dilation = dilation.clone();
    this.same = same;
    this.groups = groups;
    this.activation = activation;
    // shapes stay off the Parameters: DJL refuses setArray on a parameter whose shape is set
    this.weightShape = new Shape(filters, inChannels / groups, kernel[0], kernel[1]);
    this.weight =
        Parameter.builder().setName(name + "/kernel").setType(Parameter.Type.WEIGHT).build();
    this.bias =
        useBias
            ? Parameter.builder().setName(name + "/bias").setType(Parameter.Type.BIAS).build()
            : null;
  }

  @Override
  Shape parameterShape(Parameter parameter) {
    if (parameter == weight) {
      return weightShape;
    }
    if (parameter == bias) {
      return new Shape(filters);
    }
    return super.parameterShape(parameter);
  }

  @Override
  List<Parameter> parameters() {
    List<Parameter> list = new ArrayList<>();
    list.add(weight);
    if (bias != null) {
      list.add(bias);
    }
    return list;
  }

  @Override
  Shape outputShape(List<Shape> inputShapes) {
    Shape in = single(inputShapes);
    return new Shape(in.get(0), filters, outSize(in.get(2), 0), outSize(in.get(3), 1));
  }

  private long outSize(long size, int axis) {
    if (same) {
      return (size + strides[axis] - 1) / strides[axis];
    }
    long span = (long) (kernel[axis] - 1) * dilation[axis] + 1;
    return (size - span) / strides[axis] + 1;
  }

  /** Total padding TF's {@code same} adds along one axis; the larger half goes after. */
  private long samePadding(long size, int axis) {
    return ZeroPad.same(size, kernel[axis], strides[axis], dilation[axis]);
  }

  @Override
  NDArray forward(ParameterStore parameters, List<NDArray> inputs) {
    NDArray x = inputs.get(0);
    long padH = same ? samePadding(x.getShape().get(2), 0) : 0;
    long padW = same ? samePadding(x.getShape().get(3), 1) : 0;
    NDArray padded = x;
    Shape symmetric = new Shape(padH / 2, padW / 2);
    if (padH % 2 != 0 || padW % 2 != 0) {
      padded = ZeroPad.pad(x, padH / 2, padH - padH / 2, padW / 2, padW - padW / 2);
      symmetric = new Shape(0, 0);
    }
    NDArray w = parameters.getValue(weight, x.getDevice(), false);
    NDArray b = bias == null ? null : parameters.getValue(bias, x.getDevice(), false);
    NDArray y =
        Conv2d.conv2d(
                padded,
                w,
                b,
                new Shape(strides[0], strides[1]),
                symmetric,
                new Shape(dilation[0], dilation[1]),
                groups)
            .singletonOrThrow();
    if (padded != x) {
      padded.close();
    }
    if (activation == KerasActivation.LINEAR) {
      return y;
    }
    NDArray activated = activation.apply(y);
    y.close();
    return activated;
  }

  @Override
  long workspaceElements(List<Shape> inputShapes) {
    Shape out = outputShape(inputShapes);
    long unfolded =
        (single(inputShapes).get(1) / groups) * kernel[0] * kernel[1] * out.get(2) * out.get(3);
    return Math.max(unfolded, out.size());
  }

  @Override
  long multiplyAdds(List<Shape> inputShapes) {
    Shape in = single(inputShapes);
    Shape out = outputShape(inputShapes);
    return out.size() * (in.get(1) / groups) * kernel[0] * kernel[1];
  }
}
