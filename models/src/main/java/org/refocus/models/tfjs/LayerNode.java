package org.refocus.models.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One Keras layer as the topology declares it.
 *
 * @param className the Keras class, e.g. {@code Conv2D} or a custom one such as {@code
 *     PixelShuffle4x}
 * @param name unique within the model; weights are named after it
 * @param config the layer's Keras config, as written
 * @param inputs names of the layers whose (single) outputs feed this one, in order
 */
public record LayerNode(String className, String name, JsonNode config, List<String> inputs) {

  public LayerNode {
    inputs = List.copyOf(inputs);
  }
}
