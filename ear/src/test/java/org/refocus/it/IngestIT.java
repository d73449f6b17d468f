package org.refocus.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ingest-collection batch job on the real Payara: counts, checksums, bad files. */
class IngestIT {

  private final RefocusApi api = new RefocusApi();

  @Test
  void ingestOfTheSampleCollectionCataloguesEveryImageWithItsChecksum() throws Exception {
    long collectionId = api.sampleCollectionId();

    RefocusApi.Reply started = api.post("/api/collections/" + collectionId + "/ingest");
    assertThat(started.status()).as(started.raw().body()).isEqualTo(202);
    long executionId = started.body().get("executionId").asLong();
    assertThat(started.raw().headers().firstValue("Location").orElseThrow())
        .endsWith("/api/runs/" + executionId);
    JsonNode run = api.awaitFinished(executionId);

    List<String> expected = Originals.pngNames(RefocusApi.SAMPLES);
    assertThat(expected).hasSize(6);
    assertThat(run.get("batchStatus").asText()).isEqualTo("COMPLETED");
    assertThat(run.at("/steps/0/readCount").asLong()).isEqualTo(expected.size());
    assertThat(run.at("/steps/0/writeCount").asLong()).isEqualTo(expected.size());

    JsonNode images = api.get("/api/collections/" + collectionId + "/images").body();
    List<String> paths = new ArrayList<>();
    for (JsonNode image : images) {
      String path = image.get("relativePath").asText();
      paths.add(path);
      Path original = RefocusApi.SAMPLES.resolve(path);
      BufferedImage pixels = Originals.decode(original);
      assertThat(image.get("sha256").asText()).as(path).isEqualTo(Originals.sha256(original));
      assertThat(image.get("sizeBytes").asLong()).as(path).isEqualTo(Files.size(original));
      assertThat(image.get("width").asInt()).as(path).isEqualTo(pixels.getWidth());
      assertThat(image.get("height").asInt()).as(path).isEqualTo(pixels.getHeight());
      assertThat(image.get("status").asText()).as(path).isEqualTo("CATALOGUED");
      assertThat(image.get("ingestExecutionId").asLong()).as(path).isEqualTo(executionId);
    }
    assertThat(paths).containsExactlyElementsOf(expected);
    assertThat(api.get("/api/collections/" + collectionId).body().get("imageCount").asLong())
        .isEqualTo(expected.size());
  }

  @Test
  void badFilesAreCataloguedAsUnreadableNamingTheProblemAndTheRunGoesOn() throws Exception {
    Path root = Files.createDirectories(RefocusApi.IT_DATA.resolve("originals/damaged"));
    Files.copy(RefocusApi.SAMPLES.resolve("coins.png"), root.resolve("a-good.png"));
    Files.createFile(root.resolve("b-empty.png"));
    byte[] png = Files.readAllBytes(RefocusApi.SAMPLES.resolve("camera.png"));
    Files.write(root.resolve("c-torn.png"), Arrays.copyOf(png, 24));
    Files.writeString(root.resolve("d-notes.jpg"), "not a picture");
    Files.writeString(root.resolve("readme.txt"), "not a candidate: no image extension");
    Files.createDirectories(root.resolve("sub"));
    Files.copy(RefocusApi.SAMPLES.resolve("text.png"), root.resolve("sub/e-nested.png"));
    long collectionId = api.register("Damaged box", root);

    long executionId =
        api.post("/api/collections/" + collectionId + "/ingest").body().get("executionId").asLong();
    JsonNode run = api.awaitFinished(executionId);

    assertThat(run.get("batchStatus").asText()).isEqualTo("COMPLETED");
    JsonNode images = api.get("/api/collections/" + collectionId + "/images").body();
    assertThat(images)
        .extracting(i -> i.get("relativePath").asText())
        .containsExactly(
            "a-good.png", "b-empty.png", "c-torn.png", "d-notes.jpg", "sub/e-nested.png");
    assertThat(images)
        .extracting(i -> i.get("status").asText())
        .containsExactly("CATALOGUED", "UNREADABLE", "UNREADABLE", "UNREADABLE", "CATALOGUED");
    assertThat(images.get(1).get("problem").asText())
        .contains("b-empty.png")
        .contains("empty file");
    assertThat(images.get(2).get("problem").asText()).contains("c-torn.png");
    assertThat(images.get(3).get("problem").asText())
        .contains("d-notes.jpg")
        .contains("not an image");
    assertThat(images.get(2).get("sha256").asText())
        .isEqualTo(Originals.sha256(root.resolve("c-torn.png")));
    JsonNode collection = api.get("/api/collections/" + collectionId).body();
    assertThat(collection.get("imageCount").asLong()).isEqualTo(5);
    assertThat(collection.get("unreadableCount").asLong()).isEqualTo(3);
  }
}
