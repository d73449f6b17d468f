package org.refocus.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * An ingest that fails part-way (fault injected through a job parameter, enabled on the test domain
 * only) and is restarted resumes from its last checkpoint: the restart reads only the images after
 * it, and no image is catalogued twice.
 */
class IngestRestartIT {

  private final RefocusApi api = new RefocusApi();

  @Test
  void restartResumesFromTheLastCheckpointNotFromZero() throws Exception {
    List<String> paths = Originals.pngNames(RefocusApi.SAMPLES);
    assertThat(paths).hasSize(6);
    String fifth = paths.get(4);
    long collectionId = api.register("Restart drill", RefocusApi.SAMPLES);

    // Chunks of two: [1 2] [3 4] commit, the chunk [5 6] fails at the fifth image.
    RefocusApi.Reply started =
        api.post(
            "/api/collections/" + collectionId + "/ingest?checkpointEvery=2&failOnPath=" + fifth);
    long firstId = started.body().get("executionId").asLong();
    JsonNode first = api.awaitFinished(firstId);

    assertThat(first.get("batchStatus").asText()).isEqualTo("FAILED");
    assertThat(first.at("/steps/0/writeCount").asLong()).isEqualTo(4);
    assertThat(first.at("/steps/0/commitCount").asLong()).isEqualTo(2);
    assertThat(catalogued(collectionId))
        .containsOnlyKeys(paths.subList(0, 4))
        .allSatisfy((path, execution) -> assertThat(execution).isEqualTo(firstId));

    RefocusApi.Reply restarted = api.post("/api/runs/" + firstId + "/restart");
    assertThat(restarted.status()).as(restarted.raw().body()).isEqualTo(202);
    long secondId = restarted.body().get("executionId").asLong();
    assertThat(secondId).isNotEqualTo(firstId);
    assertThat(restarted.body().get("jobInstanceId").asLong())
        .isEqualTo(first.get("jobInstanceId").asLong());
    JsonNode second = api.awaitFinished(secondId);

    assertThat(second.get("batchStatus").asText()).isEqualTo("COMPLETED");
    // The reader re-read only what came after the checkpoint: images five and six.
    assertThat(second.at("/steps/0/readCount").asLong()).isEqualTo(2);
    assertThat(second.at("/steps/0/writeCount").asLong()).isEqualTo(2);
    Map<String, Long> byExecution = catalogued(collectionId);
    assertThat(byExecution).containsOnlyKeys(paths);
    paths.subList(0, 4).forEach(p -> assertThat(byExecution).containsEntry(p, firstId));
    paths.subList(4, 6).forEach(p -> assertThat(byExecution).containsEntry(p, secondId));
    for (JsonNode image : api.get("/api/collections/" + collectionId + "/images").body()) {
      String path = image.get("relativePath").asText();
      assertThat(image.get("sha256").asText())
          .as(path)
          .isEqualTo(Originals.sha256(RefocusApi.SAMPLES.resolve(path)));
    }
  }

  @Test
  void aCompletedRunCannotBeRestarted() throws Exception {
    long collectionId = api.sampleCollectionId();
    long executionId =
        api.post("/api/collections/" + collectionId + "/ingest").body().get("executionId").asLong();
    assertThat(api.awaitFinished(executionId).get("batchStatus").asText()).isEqualTo("COMPLETED");

    RefocusApi.Reply reply = api.post("/api/runs/" + executionId + "/restart");

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.body().get("message").asText()).contains(Long.toString(executionId));
  }

  /** Relative path → the execution that catalogued it. */
  private Map<String, Long> catalogued(long collectionId) throws Exception {
    JsonNode images = api.get("/api/collections/" + collectionId + "/images").body();
    return StreamSupport.stream(images.spliterator(), false)
        .collect(
            Collectors.toMap(
                i -> i.get("relativePath").asText(), i -> i.get("ingestExecutionId").asLong()));
  }
}
