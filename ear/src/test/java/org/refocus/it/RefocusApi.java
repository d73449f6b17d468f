package org.refocus.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** The deployed application's REST API, as the integration tests call it over HTTP. */
final class RefocusApi {

  static final String BASE_URL = System.getProperty("refocus.baseUrl", "http://localhost:28080");
  static final Path SAMPLES = Path.of(System.getProperty("refocus.samplesDir", "../samples"));
  static final Path IT_DATA = Path.of(System.getProperty("refocus.itData", "target/it-data"));

  private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

  Reply get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  Reply post(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).POST(BodyPublishers.noBody()));
  }

  Reply postJson(String path, Object body) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** Registers a collection and returns its id. */
  long register(String name, Path root) throws IOException, InterruptedException {
    Reply reply =
        postJson(
            "/api/collections",
            java.util.Map.of("name", name, "originalsRoot", root.toAbsolutePath().toString()));
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(201);
    return reply.body().get("id").asLong();
  }

  /** Polls a run until it is finished and returns its last state. */
  /**
   * The run once it and each of its steps have a final status, {@code RunView.finished()} read from
   * the JSON: Payara's batch runtime can show the job FAILED a moment before the failed step's
   * record (its status and counts) is written, and the counts read in that moment are still zero.
   */
  JsonNode awaitFinished(long executionId) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plusSeconds(120);
    while (true) {
      Reply reply = get("/api/runs/" + executionId);
      assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
      if (finished(reply.body())) {
        return reply.body();
      }
      assertThat(Instant.now()).as("run %d still not finished", executionId).isBefore(deadline);
      Thread.sleep(250);
    }
  }

  private static boolean finished(JsonNode run) {
    if (!FINISHED.contains(run.get("batchStatus").asText())) {
      return false;
    }
    for (JsonNode step : run.get("steps")) {
      if (!FINISHED.contains(step.get("batchStatus").asText())) {
        return false;
      }
    }
    return true;
  }

  long sampleCollectionId() throws IOException, InterruptedException {
    for (JsonNode collection : get("/api/collections").body()) {
      if (collection.get("name").asText().equals("Sample collection")) {
        return collection.get("id").asLong();
      }
    }
    throw new AssertionError("the sample collection is not registered");
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.timeout(Duration.ofSeconds(60)).build(), BodyHandlers.ofString());
    JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
    return new Reply(response.statusCode(), body, response);
  }

  private static URI uri(String path) {
    return URI.create(BASE_URL + path);
  }
}
