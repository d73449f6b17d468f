package org.refocus.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The collections endpoints of the deployed EAR, on a real Payara with its real database. */
class CollectionApiIT {

  private final RefocusApi api = new RefocusApi();

  @Test
  void theSampleCollectionIsRegisteredOnFirstStart() throws Exception {
    RefocusApi.Reply reply = api.get("/api/collections");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body())
        .anySatisfy(
            c -> {
              assertThat(c.get("name").asText()).isEqualTo("Sample collection");
              assertThat(c.get("originalsRoot").asText())
                  .isEqualTo(RefocusApi.SAMPLES.toRealPath().toString());
            });
  }

  @Test
  void registersACollectionAndServesItAtItsLocation() throws Exception {
    Path root = Files.createDirectories(RefocusApi.IT_DATA.resolve("originals/registered"));

    RefocusApi.Reply created =
        api.postJson(
            "/api/collections",
            Map.of("name", "Glass plates", "originalsRoot", root.toAbsolutePath().toString()));

    assertThat(created.status()).isEqualTo(201);
    String location = created.raw().headers().firstValue("Location").orElseThrow();
    long id = created.body().get("id").asLong();
    assertThat(location).endsWith("/api/collections/" + id);
    JsonNode fetched = api.get("/api/collections/" + id).body();
    assertThat(fetched.get("name").asText()).isEqualTo("Glass plates");
    assertThat(fetched.get("imageCount").asLong()).isZero();
    assertThat(api.get("/api/collections").body())
        .anySatisfy(c -> assertThat(c.get("id").asLong()).isEqualTo(id));
  }

  @Test
  void refusesARootThatIsNotADirectoryNamingIt() throws Exception {
    RefocusApi.Reply reply =
        api.postJson(
            "/api/collections", Map.of("name", "Nowhere", "originalsRoot", "/no/such/archive"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("message").asText())
        .contains("not a directory")
        .contains("/no/such/archive");
  }

  @Test
  void refusesADuplicateName() throws Exception {
    RefocusApi.Reply reply =
        api.postJson(
            "/api/collections",
            Map.of(
                "name",
                "Sample collection",
                "originalsRoot",
                RefocusApi.SAMPLES.toAbsolutePath().toString()));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("message").asText()).contains("exists");
  }

  @Test
  void refusesARequestWithoutName() throws Exception {
    RefocusApi.Reply reply = api.postJson("/api/collections", Map.of("originalsRoot", "/tmp"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().get("message").asText()).contains("name");
  }

  @Test
  void answers404ForUnknownCollectionsAndRuns() throws Exception {
    assertThat(api.get("/api/collections/987654").status()).isEqualTo(404);
    assertThat(api.post("/api/collections/987654/ingest").status()).isEqualTo(404);
    assertThat(api.get("/api/runs/987654").status()).isEqualTo(404);
  }
}
