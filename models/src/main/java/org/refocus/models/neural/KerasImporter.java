package org.refocus.models.neural;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.refocus.models.tfjs.ConstTensor;
import org.refocus.models.tfjs.LayerNode;
import org.refocus.models.tfjs.LayersModelFile;
import org.refocus.models.tfjs.TfjsFormatException;
import org.refocus.models.tfjs.WeightSpec;

/**
 * Builds a {@link LayerGraphBlock} from a TF.js Keras layers model and fills it with the model's
 * weights. Keras computes in NHWC with HWIO kernels; the block computes in NCHW with OIHW kernels,
 * so axes and kernels are converted here, once.
 */
final class KerasImporter {

  private static final Pattern PIXEL_SHUFFLE = Pattern.compile("PixelShuffle(\\d+)x");

  private static final List<String> SUPPORTED =
      List.of(
          "InputLayer",
          "Conv2D",
          "Activation",
          "Concatenate",
          "Add",
          "UpSampling2D",
          "MultiplyBeta",
          "PixelShuffle{2,3,4,8}x");

  private KerasImporter() {}

  /** The graph with its parameters shaped but empty: fill with {@link #importWeights}. */
  static LayerGraphBlock block(LayersModelFile model) throws TfjsFormatException {
    if (model.inputs().size() != 1 || model.outputs().size() != 1) {
      throw new TfjsFormatException(
          model.file(),
          "one input and one output are supported, not "
              + model.inputs()
              + " → "
              + model.outputs());
    }
    Map<String, WeightSpec> specs = model.weightSpecs();
    List<Layer> layers = new ArrayList<>();
    for (LayerNode node : model.layers()) {
      if (node.className().equals("InputLayer")) {
        continue;
      }
      try {
        layers.add(layer(node, specs));
      } catch (UnsupportedLayerException e) {
        throw new TfjsFormatException(model.file(), e.getMessage(), e);
      }
    }
    try {
      return new LayerGraphBlock(model.inputs().get(0), model.outputs().get(0), layers);
    } catch (UnsupportedLayerException e) {
      throw new TfjsFormatException(model.file(), e.getMessage(), e);
    }
  }

  private static Layer layer(LayerNode node, Map<String, WeightSpec> specs) {
    JsonNode c = node.config();
    String format = c.path("data_format").asText("channels_last");
    if (!format.equals("channels_last")) {
      throw new UnsupportedLayerException(
          node.className() + " '" + node.name() + "' uses data_format " + format);
    }
    Matcher shuffle = PIXEL_SHUFFLE.matcher(node.className());
    if (shuffle.matches()) {
      int scale = c.path("scale").asInt(Integer.parseInt(shuffle.group(1)));
      return new DepthToSpaceLayer(node.name(), node.inputs(), scale);
    }
    return switch (node.className()) {
      case "Conv2D" -> conv(node, specs);
      case "Activation" -> new ActivationLayer(node.name(), node.inputs(), activation(node));
      case "Concatenate" -> new ConcatenateLayer(node.name(), node.inputs(), nchwAxis(node));
      case "Add" -> new AddLayer(node.name(), node.inputs());
      case "UpSampling2D" -> upSampling(node);
      case "MultiplyBeta" ->
          new ScaleLayer(node.name(), node.inputs(), (float) c.path("beta").asDouble(0.2));
      default ->
          throw new UnsupportedLayerException(
              "layer class '"
                  + node.className()
                  + "' (layer '"
                  + node.name()
                  + "') is not supported; supported: "
                  + String.join(", ", SUPPORTED));
    };
  }

  private static Conv2DLayer conv(LayerNode node, Map<String, WeightSpec> specs) {
    JsonNode c = node.config();
    WeightSpec kernel = spec(specs, node.name(), "kernel");
    long[] hwio = kernel.shape();
    int groups = c.path("groups").asInt(1);
    String padding = c.path("padding").asText("valid");
    if (!padding.equals("same") && !padding.equals("valid")) {
      throw new UnsupportedLayerException("Conv2D '" + node.name() + "' padding " + padding);
    }
    int filters = c.path("filters").asInt();
    if (hwio.length != 4 || hwio[3] != filters) {
      throw new UnsupportedLayerException(
          "Conv2D '"
              + node.name()
              + "' kernel "
              + kernel
              + " does not match "
              + filters
              + " filters");
    }
    int[] kernelSize = pair(node, "kernel_size", null);
    if (hwio[0] != kernelSize[0] || hwio[1] != kernelSize[1]) {
      throw new UnsupportedLayerException(
          "Conv2D '"
              + node.name()
              + "' kernel_size "
              + kernelSize[0]
              + "×"
              + kernelSize[1]
              + " but weights "
              + kernel);
    }
    boolean useBias = c.path("use_bias").asBoolean(true);
    if (useBias) {
      spec(specs, node.name(), "bias");
    }
    return new Conv2DLayer(
        node.name(),
        node.inputs(),
        (int) hwio[2] * groups,
        filters,
        kernelSize,
        pair(node, "strides", 1),
        pair(node, "dilation_rate", 1),
        padding.equals("same"),
        groups,
        activation(node),
        useBias);
  }

  private static KerasActivation activation(LayerNode node) {
    try {
      return KerasActivation.named(node.config().path("activation").asText("linear"));
    } catch (UnsupportedLayerException e) {
      throw new UnsupportedLayerException(
          node.className() + " '" + node.name() + "': " + e.getMessage());
    }
  }

  private static UpSamplingLayer upSampling(LayerNode node) {
    String interpolation = node.config().path("interpolation").asText("nearest");
    if (!interpolation.equals("nearest")) {
      throw new UnsupportedLayerException(
          "UpSampling2D '" + node.name() + "' interpolation " + interpolation);
    }
    int[] size = pair(node, "size", 2);
    return new UpSamplingLayer(node.name(), node.inputs(), size[0], size[1]);
  }

  /** Keras axis of a rank-4 NHWC tensor → the same axis in NCHW. */
  private static int nchwAxis(LayerNode node) {
    int axis = node.config().path("axis").asInt(-1);
    return switch (axis) {
      case -1, 3 -> 1;
      case 1, -3 -> 2;
      case 2, -2 -> 3;
      default ->
          throw new UnsupportedLayerException(
              "Concatenate '" + node.name() + "' along axis " + axis);
    };
  }

  /** A Keras (rows, columns) setting: a pair, one int for both, or absent for the default. */
  private static int[] pair(LayerNode node, String key, Integer fallback) {
    JsonNode value = node.config().path(key);
    if (value.isMissingNode() || value.isNull()) {
      if (fallback == null) {
        throw new UnsupportedLayerException(
            node.className() + " '" + node.name() + "' has no " + key);
      }
      return new int[] {fallback, fallback};
    }
    if (value.isInt()) {
      return new int[] {value.asInt(), value.asInt()};
    }
    if (!value.isArray() || value.size() != 2) {
      throw new UnsupportedLayerException(
          node.className() + " '" + node.name() + "' " + key + " must be two ints, not " + value);
    }
    return new int[] {value.get(0).asInt(), value.get(1).asInt()};
  }

  /** The tensor {@code layer/kind}; converters may prefix a scope, so a unique suffix matches. */
  private static WeightSpec spec(Map<String, WeightSpec> specs, String layer, String kind) {
    String name = layer + "/" + kind;
    WeightSpec exact = specs.get(name);
    if (exact != null) {
      return exact;
    }
    List<WeightSpec> suffixed =
        specs.values().stream().filter(w -> w.name().endsWith("/" + name)).toList();
    if (suffixed.size() != 1) {
      throw new UnsupportedLayerException(
          "layer '"
              + layer
              + "' needs weight '"
              + name
              + "', found "
              + suffixed.size()
              + " matches");
    }
    return suffixed.get(0);
  }

  /**
   * Copies the model's weights into the block's parameters, converting kernels HWIO → OIHW. Every
   * tensor of the file must be used: one left over means the topology was misread.
   */
  static void importWeights(
      LayersModelFile model,
      LayerGraphBlock block,
      Map<String, ConstTensor> weights,
      NDManager manager)
      throws TfjsFormatException {
    Map<String, WeightSpec> specs = model.weightSpecs();
    Set<String> unused = new LinkedHashSet<>(weights.keySet());
    Set<String> seen = new HashSet<>();
    Map<String, Shape> shapes = block.parameterShapes();
    for (Parameter parameter : block.getDirectParameters().values()) {
      String[] parts = parameter.getName().split("/");
      String kind = parts[parts.length - 1];
      String layer =
          parameter.getName().substring(0, parameter.getName().length() - kind.length() - 1);
      WeightSpec spec;
      try {
        spec = spec(specs, layer, kind);
      } catch (UnsupportedLayerException e) {
        throw new TfjsFormatException(model.file(), e.getMessage(), e);
      }
      ConstTensor tensor = weights.get(spec.name());
      if (tensor == null || !seen.add(spec.name())) {
        throw new TfjsFormatException(
            model.file(), "weight '" + spec.name() + "' missing or used twice");
      }
      unused.remove(spec.name());
      float[] values = kind.equals("kernel") ? hwioToOihw(tensor) : tensor.floats();
      Shape shape = shapes.get(parameter.getName());
      if (shape.size() != values.length) {
        throw new TfjsFormatException(
            model.file(),
            "weight '"
                + spec.name()
                + "' has "
                + values.length
                + " values, "
                + shape
                + " expected");
      }
      parameter.setArray(manager.create(values, shape));
    }
    if (!unused.isEmpty()) {
      throw new TfjsFormatException(model.file(), "weights no layer uses: " + unused);
    }
  }

  static float[] hwioToOihw(ConstTensor kernel) {
    long[] s = kernel.shape();
    int kh = (int) s[0];
    int kw = (int) s[1];
    int in = (int) s[2];
    int out = (int) s[3];
    float[] hwio = kernel.floats();
    float[] oihw = new float[hwio.length];
    for (int y = 0; y < kh; y++) {
      for (int x = 0; x < kw; x++) {
        for (int i = 0; i < in; i++) {
          int from = ((y * kw + x) * in + i) * out;
          for (int o = 0; o < out; o++) {
            oihw[((o * in + i) * kh + y) * kw + x] = hwio[from + o];
          }
        }
      }
    }
    return oihw;
  }
}
