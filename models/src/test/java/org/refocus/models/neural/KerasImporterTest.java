package org.refocus.models.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refocus.models.tfjs.ConstTensor;
import org.refocus.models.tfjs.LayersModelFile;
import org.refocus.models.tfjs.TfjsFormatException;

/**
 * The importer on a small graph that uses every supported layer in its awkward forms (an even
 * kernel with stride 2, whose TF padding is asymmetric; dilation; a 1×1 valid conv; residual add;
 * NHWC depth-to-space), against a naive NHWC implementation of TensorFlow's semantics.
 */
class KerasImporterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final Random random = new Random(7);
  private final Map<String, ConstTensor> weights = new LinkedHashMap<>();
  private final ArrayNode layers = JSON.createArrayNode();

  @Test
  void matchesANaiveTensorFlowReferenceLayerByLayer() throws Exception {
    input("in", 3);
    conv("a", "in", 4, 2, 2, 1, "same", "relu");
    conv("b", "a", 4, 3, 1, 2, "same", "linear");
    layer("Concatenate", "c", JSON.createObjectNode().put("axis", -1), "a", "b");
    conv("d", "c", 4, 1, 1, 1, "valid", "linear");
    layer("Add", "e", JSON.createObjectNode(), "d", "a");
    layer("MultiplyBeta", "f", JSON.createObjectNode().put("beta", 0.2), "e");
    conv("g", "f", 12, 3, 1, 1, "same", "linear");
    layer("PixelShuffle2x", "h", JSON.createObjectNode().put("scale", 2), "g");
    ObjectNode size = JSON.createObjectNode();
    size.putArray("size").add(2).add(3);
    size.put("interpolation", "nearest");
    layer("UpSampling2D", "u", size, "h");
    layer("Activation", "out", JSON.createObjectNode().put("activation", "tanh"), "u");
    LayersModelFile file = LayersModelFile.read(write("out"));

    int h = 7;
    int w = 9;
    float[][][] x = randomImage(h, w, 3);
    float[][][] a =
        Reference.relu(
            Reference.conv(x, weights.get("a/kernel"), weights.get("a/bias"), 2, 1, true));
    float[][][] b = Reference.conv(a, weights.get("b/kernel"), weights.get("b/bias"), 1, 2, true);
    float[][][] d =
        Reference.conv(
            Reference.concat(a, b), weights.get("d/kernel"), weights.get("d/bias"), 1, 1, false);
    float[][][] f = Reference.scale(Reference.add(d, a), 0.2f);
    float[][][] g = Reference.conv(f, weights.get("g/kernel"), weights.get("g/bias"), 1, 1, true);
    float[][][] expected = Reference.tanh(Reference.upSample(Reference.depthToSpace(g, 2), 2, 3));

    LayerGraphBlock block = KerasImporter.block(file);
    try (NDManager manager = NDManager.newBaseManager()) {
      KerasImporter.importWeights(file, block, file.readWeights(), manager);
      NDArray input = manager.create(Reference.toNchw(x), new Shape(1, 3, h, w));
      NDArray out =
          block
              .forward(new ParameterStore(manager, false), new NDList(input), false)
              .singletonOrThrow();

      Shape shape = out.getShape();
      assertThat(shape).isEqualTo(new Shape(1, 3, expected.length, expected[0].length));
      assertThat(block.getOutputShapes(new Shape[] {new Shape(1, 3, h, w)})[0]).isEqualTo(shape);
      float[] actual = out.toFloatArray();
      float[] want = Reference.toNchw(expected);
      for (int i = 0; i < want.length; i++) {
        assertThat(actual[i])
            .as("element %d", i)
            .isCloseTo(want[i], org.assertj.core.data.Offset.offset(1e-5f));
      }
    }
    // multiply-adds, by hand: a 4·4·(2·2·3), b 4·4·(3·3·4), d 4·4·8, g 4·4·(3·3·4)·3
    assertThat(block.multiplyAdds(new Shape(1, 3, 8, 8)))
        .isEqualTo(16L * 4 * 12 + 16L * 4 * 36 + 16L * 4 * 8 + 16L * 12 * 36);
  }

  @Test
  void readsASequentialModelWhoseInputIsImplicit() throws Exception {
    ObjectNode conv = JSON.createObjectNode();
    conv.put("class_name", "Conv2D");
    ObjectNode c = conv.putObject("config");
    c.put("name", "c").put("filters", 2).put("padding", "valid").put("activation", "relu");
    c.putArray("kernel_size").add(1).add(1);
    c.putArray("batch_input_shape").addNull().addNull().addNull().add(3);
    weights.put("c/kernel", randomTensor(1, 1, 3, 2));
    weights.put("c/bias", randomTensor(2));
    Path json = write("c");
    ObjectNode root = (ObjectNode) JSON.readTree(json.toFile());
    ObjectNode model = (ObjectNode) root.path("modelTopology").path("model_config");
    model.put("class_name", "Sequential");
    ((ObjectNode) model.path("config")).putArray("layers").add(conv);
    JSON.writeValue(json.toFile(), root);
    LayersModelFile file = LayersModelFile.read(json);

    LayerGraphBlock block = KerasImporter.block(file);

    assertThat(file.inputs()).containsExactly("c_input");
    assertThat(block.getOutputShapes(new Shape[] {new Shape(1, 3, 5, 4)})[0])
        .isEqualTo(new Shape(1, 2, 5, 4));
  }

  @Test
  void refusesALayerClassItDoesNotKnowNamingIt() throws Exception {
    input("in", 3);
    layer("Dense", "classifier", JSON.createObjectNode().put("units", 10), "in");
    LayersModelFile file = LayersModelFile.read(write("classifier"));

    assertThatThrownBy(() -> KerasImporter.block(file))
        .isInstanceOf(TfjsFormatException.class)
        .hasMessageContaining("'Dense'")
        .hasMessageContaining("'classifier'")
        .hasMessageContaining("PixelShuffle");
  }

  @Test
  void refusesShardsShorterThanTheManifest() throws Exception {
    input("in", 3);
    conv("a", "in", 4, 3, 1, 1, "same", "relu");
    Path json = write("a");
    Path shard = dir.resolve("group1-shard1of1.bin");
    byte[] bytes = Files.readAllBytes(shard);
    Files.write(shard, java.util.Arrays.copyOf(bytes, bytes.length - 4));

    assertThatThrownBy(() -> LayersModelFile.read(json).readWeights())
        .isInstanceOf(TfjsFormatException.class)
        .hasMessageContaining("the manifest declares");
  }

  private void input(String name, int channels) {
    ObjectNode config = JSON.createObjectNode();
    config.putArray("batch_input_shape").addNull().addNull().addNull().add(channels);
    ObjectNode layer = layers.addObject();
    layer.put("class_name", "InputLayer").put("name", name).set("config", config);
    layer.putArray("inbound_nodes");
  }

  private void conv(
      String name,
      String from,
      int filters,
      int k,
      int stride,
      int dilation,
      String padding,
      String activation) {
    int in = channelsOf(from);
    ObjectNode c = JSON.createObjectNode();
    c.put("filters", filters)
        .put("padding", padding)
        .put("activation", activation)
        .put("use_bias", true);
    c.putArray("kernel_size").add(k).add(k);
    c.putArray("strides").add(stride).add(stride);
    c.putArray("dilation_rate").add(dilation).add(dilation);
    layer("Conv2D", name, c, from);
    weights.put(name + "/kernel", randomTensor(k, k, in, filters));
    weights.put(name + "/bias", randomTensor(filters));
    channels.put(name, filters);
  }

  private final Map<String, Integer> channels = new LinkedHashMap<>(Map.of("in", 3));

  private int channelsOf(String layer) {
    return switch (layer) {
      case "c" -> 8;
      case "e", "f" -> 4;
      default -> channels.get(layer);
    };
  }

  private void layer(String className, String name, ObjectNode config, String... inputs) {
    config.put("name", name);
    ObjectNode layer = layers.addObject();
    layer.put("class_name", className).put("name", name).set("config", config);
    ArrayNode call = layer.putArray("inbound_nodes").addArray();
    for (String input : inputs) {
      call.addArray().add(input).add(0).add(0).addObject();
    }
  }

  private Path write(String output) throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "layers-model");
    ObjectNode model = root.putObject("modelTopology").putObject("model_config");
    model.put("class_name", "Functional");
    ObjectNode config = model.putObject("config");
    config.set("layers", layers);
    config.putArray("input_layers").addArray().add("in").add(0).add(0);
    config.putArray("output_layers").addArray().add(output).add(0).add(0);
    ObjectNode group = root.putArray("weightsManifest").addObject();
    group.putArray("paths").add("group1-shard1of1.bin");
    ArrayNode specs = group.putArray("weights");
    List<float[]> data = new ArrayList<>();
    int floats = 0;
    for (Map.Entry<String, ConstTensor> e : weights.entrySet()) {
      ObjectNode spec = specs.addObject().put("name", e.getKey()).put("dtype", "float32");
      ArrayNode shape = spec.putArray("shape");
      for (long d : e.getValue().shape()) {
        shape.add(d);
      }
      data.add(e.getValue().floats());
      floats += e.getValue().floats().length;
    }
    ByteBuffer bytes = ByteBuffer.allocate(4 * floats).order(ByteOrder.LITTLE_ENDIAN);
    for (float[] v : data) {
      for (float f : v) {
        bytes.putFloat(f);
      }
    }
    Files.write(dir.resolve("group1-shard1of1.bin"), bytes.array());
    Path json = dir.resolve("model.json");
    JSON.writeValue(json.toFile(), root);
    return json;
  }

  private ConstTensor randomTensor(long... shape) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    float[] v = new float[(int) n];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) random.nextGaussian() * 0.3f;
    }
    return new ConstTensor(shape, v, null);
  }

  private float[][][] randomImage(int h, int w, int c) {
    float[][][] x = new float[h][w][c];
    for (float[][] row : x) {
      for (float[] px : row) {
        for (int i = 0; i < c; i++) {
          px[i] = random.nextFloat();
        }
      }
    }
    return x;
  }
}
