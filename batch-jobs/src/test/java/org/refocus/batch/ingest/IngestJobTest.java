package org.refocus.batch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.refocus.application.IngestOptions;
import org.refocus.application.RunView;
import org.refocus.batch.JakartaBatchRuns;
import org.refocus.models.io.Fixity;

/**
 * The ingest-collection job as written (the same JSL and artifacts Payara runs), on JBeret SE with
 * the application services replaced by recording fakes: chunking, checkpoints, restart, unreadable
 * files, and the {@link JakartaBatchRuns} adapter.
 */
class IngestJobTest {

  @TempDir Path root;

  private final JakartaBatchRuns runs = new JakartaBatchRuns();

  @BeforeEach
  void prepareCollection() throws Exception {
    for (int i = 1; i <= 7; i++) {
      BufferedImage image = new BufferedImage(10 + i, 20 + i, BufferedImage.TYPE_INT_RGB);
      image.setRGB(i, i, 0xff8000);
      ImageIO.write(image, "png", root.resolve("plate-" + i + ".png").toFile());
    }
    FakeCollections.useRoot(root);
    RecordingCatalogue.clear();
  }

  @Test
  void cataloguesEveryImageWithItsChecksumAndDimensions() throws Exception {
    long id = runs.startIngest(FakeCollections.COLLECTION_ID, new IngestOptions(3, null));
    RunView run = awaitFinished(id);

    assertThat(run.batchStatus()).isEqualTo("COMPLETED");
    assertThat(run.steps())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.readCount()).isEqualTo(7);
              assertThat(s.writeCount()).isEqualTo(7);
              assertThat(s.commitCount()).isEqualTo(3);
            });
    assertThat(RecordingCatalogue.chunks).hasSize(3);
    assertThat(RecordingCatalogue.images).hasSize(7);
    var third = RecordingCatalogue.images.get("plate-3.png");
    assertThat(third.sha256()).isEqualTo(Fixity.sha256(root.resolve("plate-3.png")));
    assertThat(third.width()).isEqualTo(13);
    assertThat(third.height()).isEqualTo(23);
    assertThat(third.format()).isEqualTo("png");
    assertThat(third.problem()).isNull();
  }

  @Test
  void restartResumesAfterTheLastCommittedChunkAndRedoesNothing() throws Exception {
    long first =
        runs.startIngest(FakeCollections.COLLECTION_ID, new IngestOptions(2, "plate-6.png"));
    RunView failed = awaitFinished(first);

    assertThat(failed.batchStatus()).isEqualTo("FAILED");
    assertThat(RecordingCatalogue.chunks)
        .containsExactly(
            List.of("plate-1.png", "plate-2.png"), List.of("plate-3.png", "plate-4.png"));

    long second = runs.restart(first);
    RunView restarted = awaitFinished(second);

    assertThat(restarted.batchStatus()).isEqualTo("COMPLETED");
    assertThat(restarted.jobInstanceId()).isEqualTo(failed.jobInstanceId());
    assertThat(restarted.steps().get(0).readCount()).isEqualTo(3);
    assertThat(RecordingCatalogue.chunks)
        .containsExactly(
            List.of("plate-1.png", "plate-2.png"),
            List.of("plate-3.png", "plate-4.png"),
            List.of("plate-5.png", "plate-6.png"),
            List.of("plate-7.png"));
    assertThat(RecordingCatalogue.executions)
        .containsEntry("plate-4.png", first)
        .containsEntry("plate-5.png", second)
        .containsEntry("plate-7.png", second);
  }

  @Test
  void unreadableFilesAreCataloguedWithTheirProblemAndTheRunCompletes() throws Exception {
    Files.write(root.resolve("plate-3.png"), new byte[] {1, 2, 3});
    Files.createFile(root.resolve("plate-0.png"));

    RunView run =
        awaitFinished(runs.startIngest(FakeCollections.COLLECTION_ID, IngestOptions.DEFAULTS));

    assertThat(run.batchStatus()).isEqualTo("COMPLETED");
    assertThat(RecordingCatalogue.images).hasSize(8);
    assertThat(RecordingCatalogue.images.get("plate-0.png").problem())
        .contains("plate-0.png", "empty file");
    assertThat(RecordingCatalogue.images.get("plate-3.png").problem())
        .contains("plate-3.png", "not an image");
    assertThat(RecordingCatalogue.images.get("plate-3.png").sha256())
        .isEqualTo(Fixity.sha256(root.resolve("plate-3.png")));
  }

  private RunView awaitFinished(long executionId) throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (true) {
      RunView run = runs.find(executionId).orElseThrow();
      if (run.finished()) {
        return run;
      }
      assertThat(Instant.now()).as("run %d still running", executionId).isBefore(deadline);
      Thread.sleep(20);
    }
  }
}
