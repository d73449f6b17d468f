package org.refocus.models.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.refocus.models.tfjs.GraphNode;

/** TF's Conv2DBackpropInput, VALID, against the scatter that defines it. */
class TransposedConvolutionTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private NDManager manager;

  @BeforeEach
  void setUp() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void tearDown() {
    manager.close();
  }

  @Test
  void aKernelAsLargeAsItsStrideWritesDisjointBlocks() {
    assertMatchesTheScatter(2, 2, 5, 3, 4, 6); // MAXIM's upsampling, the block path
  }

  @Test
  void aKernelLargerThanItsStrideOverlaps() {
    assertMatchesTheScatter(3, 2, 4, 5, 3, 2); // the general path: zeros spread, full convolution
  }

  private void assertMatchesTheScatter(int k, int s, int h, int w, int in, int out) {
    Random random = new Random(5);
    float[] x = random(random, h * w * in);
    float[] filter = random(random, k * k * out * in); // kh, kw, out, in
    int outH = (h - 1) * s + k;
    int outW = (w - 1) * s + k;
    float[] expected = new float[outH * outW * out];
    for (int i = 0; i < h; i++) {
      for (int j = 0; j < w; j++) {
        for (int a = 0; a < k; a++) {
          for (int b = 0; b < k; b++) {
            for (int o = 0; o < out; o++) {
              double sum = 0;
              for (int c = 0; c < in; c++) {
                sum += x[(i * w + j) * in + c] * filter[((a * k + b) * out + o) * in + c];
              }
              expected[((i * s + a) * outW + j * s + b) * out + o] += (float) sum;
            }
          }
        }
      }
    }
    GraphNode node =
        new GraphNode(
            "up",
            "Conv2DBackpropInput",
            List.of("size", "filter", "x"),
            Map.of("strides", ints(1, s, s, 1), "padding", string("VALID")));
    HostTensor size = HostTensor.vector(1, outH, outW, out);
    NDArray filterArray = manager.create(filter, new Shape(k, k, out, in));
    NDArray xArray = manager.create(x, new Shape(1, h, w, in));
    NDArray result =
        DeviceKernels.apply(
            node,
            new DeviceKernels.Arguments() {
              @Override
              public NDArray device(int index) {
                return index == 1 ? filterArray : xArray;
              }

              @Override
              public HostTensor host(int index) {
                return size;
              }

              @Override
              public int size() {
                return 3;
              }
            });

    assertThat(result.getShape()).isEqualTo(new Shape(1, outH, outW, out));
    float[] actual = result.toFloatArray();
    for (int i = 0; i < expected.length; i++) {
      assertThat(actual[i]).as("element %d", i).isCloseTo(expected[i], within(1e-5f));
    }
  }

  private static float[] random(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    return values;
  }

  private static JsonNode ints(int... values) {
    var list = JSON.createObjectNode();
    var array = list.putObject("list").putArray("i");
    for (int v : values) {
      array.add(String.valueOf(v));
    }
    return list;
  }

  private static JsonNode string(String value) {
    return JSON.createObjectNode()
        .put("s", Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
  }
}
