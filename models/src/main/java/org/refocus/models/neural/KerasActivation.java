package org.refocus.models.neural;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import java.util.List;
import java.util.function.UnaryOperator;

/** The Keras activations whose DJL counterparts compute the same function. */
enum KerasActivation {
  LINEAR("linear", x -> x),
  RELU("relu", Activation::relu),
  SIGMOID("sigmoid", Activation::sigmoid),
  TANH("tanh", Activation::tanh),
  SOFTPLUS("softplus", Activation::softPlus),
  ELU("elu", x -> Activation.elu(x, 1f)),
  SWISH("swish", x -> Activation.swish(x, 1f));

  private final String kerasName;
  private final UnaryOperator<NDArray> function;

  KerasActivation(String kerasName, UnaryOperator<NDArray> function) {
    this.kerasName = kerasName;
    this.function = function;
  }

  NDArray apply(NDArray x) {
    return function.apply(x);
  }

  static KerasActivation named(String name) {
    for (KerasActivation a : values()) {
      if (a.kerasName.equals(name)) {
        return a;
      }
    }
    throw new UnsupportedLayerException(
        "activation '"
            + name
            + "' is not supported (supported: "
            + String.join(", ", List.of(values()).stream().map(a -> a.kerasName).toList())
            + ")");
  }
}
