package org.refocus.interfaces.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.refocus.application.CollectionService;
import org.refocus.application.CollectionSummary;
import org.refocus.application.ImageView;
import org.refocus.application.IngestOptions;
import org.refocus.application.IngestService;
import org.refocus.application.RunView;
import org.refocus.domain.model.image.IngestedImage;

class CollectionsViewTest {

  private final List<CollectionSummary> stored = new ArrayList<>();
  private final List<Long> ingested = new ArrayList<>();

  // Flow holds the current UI weakly: the test keeps it alive.
  private final UI ui = new UI();

  @BeforeEach
  void currentUi() {
    UI.setCurrent(ui);
  }

  @AfterEach
  void noUi() {
    UI.setCurrent(null);
  }

  @Test
  void listsTheCollectionsTheServiceKnowsAndRefreshesOnDemand() {
    stored.add(summary(1, "Glass plates"));
    CollectionsView view = new CollectionsView(new Collections(), new Ingest());

    assertThat(view.grid.getGenericDataView().getItems())
        .containsExactly(summary(1, "Glass plates"));

    stored.add(summary(2, "Maps"));
    view.refresh.click();

    assertThat(view.grid.getGenericDataView().getItems())
        .extracting(CollectionSummary::name)
        .containsExactly("Glass plates", "Maps");
  }

  @Test
  void startsAnIngestOfTheChosenCollection() {
    stored.add(summary(3, "Letters"));
    CollectionsView view = new CollectionsView(new Collections(), new Ingest());

    view.startIngest(summary(3, "Letters"));

    assertThat(ingested).containsExactly(3L);
  }

  private static CollectionSummary summary(long id, String name) {
    return new CollectionSummary(
        id, name, Path.of("/archive", name).toString(), Instant.EPOCH, 0, 0);
  }

  private final class Collections implements CollectionService {
    @Override
    public CollectionSummary register(String name, String originalsRoot) {
      throw new AssertionError("the view does not register");
    }

    @Override
    public List<CollectionSummary> list() {
      return List.copyOf(stored);
    }

    @Override
    public Optional<CollectionSummary> find(long collectionId) {
      return stored.stream().filter(c -> c.id() == collectionId).findFirst();
    }

    @Override
    public List<ImageView> images(long collectionId) {
      return List.of();
    }
  }

  private final class Ingest implements IngestService {
    @Override
    public RunView startIngest(long collectionId, IngestOptions options) {
      ingested.add(collectionId);
      return new RunView(
          100 + collectionId,
          1,
          "ingest-collection",
          collectionId,
          "STARTING",
          null,
          null,
          null,
          List.of());
    }

    @Override
    public Optional<RunView> run(long executionId) {
      return Optional.empty();
    }

    @Override
    public RunView restart(long executionId) {
      throw new AssertionError("the view does not restart");
    }

    @Override
    public void catalogue(long collectionId, long executionId, List<IngestedImage> images) {
      throw new AssertionError("the view does not catalogue");
    }
  }
}
