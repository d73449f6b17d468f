package org.refocus.models.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A model.json's {@code weightsManifest}: groups of tensors laid end to end, little-endian, in a
 * byte stream cut into shard files. Quantised weights and element types outside {@code allowed} are
 * refused by name.
 */
final class WeightManifest {

  private record Group(List<String> paths, List<WeightSpec> weights) {}

  private final Path modelJson;
  private final List<Group> groups;

  private WeightManifest(Path modelJson, List<Group> groups) {
    this.modelJson = modelJson;
    this.groups = List.copyOf(groups);
  }

  static WeightManifest parse(Path modelJson, JsonNode manifest, Set<String> allowed)
      throws TfjsFormatException {
    List<Group> groups = new ArrayList<>();
    for (JsonNode group : manifest) {
      List<String> paths = new ArrayList<>();
      group.path("paths").forEach(p -> paths.add(p.asText()));
      List<WeightSpec> weights = new ArrayList<>();
      for (JsonNode w : group.path("weights")) {
        String name = w.path("name").asText();
        if (w.hasNonNull("quantization")) {
          throw new TfjsFormatException(
              modelJson,
              "weight '" + name + "' is quantised; only unquantised weights are supported");
        }
        String dtype = w.path("dtype").asText("float32");
        if (!allowed.contains(dtype)) {
          throw new TfjsFormatException(
              modelJson, "weight '" + name + "' is " + dtype + "; supported: " + allowed);
        }
        long[] shape = new long[w.path("shape").size()];
        for (int i = 0; i < shape.length; i++) {
          shape[i] = w.path("shape").get(i).asLong();
        }
        weights.add(new WeightSpec(name, shape, dtype));
      }
      groups.add(new Group(paths, weights));
    }
    return new WeightManifest(modelJson, groups);
  }

  Map<String, WeightSpec> specs() {
    Map<String, WeightSpec> specs = new LinkedHashMap<>();
    for (Group group : groups) {
      for (WeightSpec w : group.weights()) {
        specs.put(w.name(), w);
      }
    }
    return specs;
  }

  List<Path> shardFiles() {
    Path dir = modelJson.toAbsolutePath().getParent();
    return groups.stream().flatMap(g -> g.paths().stream()).map(dir::resolve).toList();
  }

  /** Every tensor by name (float32 and int32 elements are both four bytes). */
  Map<String, ConstTensor> read() throws TfjsFormatException {
    Map<String, ConstTensor> tensors = new LinkedHashMap<>();
    Path dir = modelJson.toAbsolutePath().getParent();
    for (Group group : groups) {
      long expected = 0;
      for (WeightSpec w : group.weights()) {
        expected += 4 * w.elementCount();
      }
      ByteBuffer bytes =
          ByteBuffer.allocate(Math.toIntExact(expected)).order(ByteOrder.LITTLE_ENDIAN);
      for (String shard : group.paths()) {
        Path path = dir.resolve(shard);
        try (InputStream in = Files.newInputStream(path)) {
          byte[] chunk = in.readAllBytes();
          if (chunk.length > bytes.remaining()) {
            throw new TfjsFormatException(
                path, "holds more bytes than the manifest declares (" + expected + " in all)");
          }
          bytes.put(chunk);
        } catch (IOException e) {
          throw new TfjsFormatException(path, "weight shard not readable: " + e.getMessage(), e);
        }
      }
      if (bytes.hasRemaining()) {
        throw new TfjsFormatException(
            modelJson,
            "weight shards "
                + group.paths()
                + " hold "
                + bytes.position()
                + " bytes, the manifest declares "
                + expected);
      }
      bytes.flip();
      for (WeightSpec w : group.weights()) {
        int n = Math.toIntExact(w.elementCount());
        if (w.dtype().equals("int32")) {
          int[] values = new int[n];
          bytes.asIntBuffer().get(values);
          tensors.put(w.name(), new ConstTensor(w.shape(), null, values));
        } else {
          float[] values = new float[n];
          bytes.asFloatBuffer().get(values);
          tensors.put(w.name(), new ConstTensor(w.shape(), values, null));
        }
        bytes.position(bytes.position() + 4 * n);
      }
    }
    return tensors;
  }
}
