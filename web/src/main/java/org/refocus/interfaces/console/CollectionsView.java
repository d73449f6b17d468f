package org.refocus.interfaces.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.refocus.application.CollectionService;
import org.refocus.application.CollectionSummary;
import org.refocus.application.IngestOptions;
import org.refocus.application.IngestService;
import org.refocus.application.RunView;

/** The landing view: every collection with what ingest found in it, and a way to ingest. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Collections · Refocus")
public class CollectionsView extends VerticalLayout {

  private static final long serialVersionUID = 1L;

  private static final DateTimeFormatter REGISTERED =
      DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

  private final transient CollectionService collections;
  private final transient IngestService ingest;

  final Grid<CollectionSummary> grid = new Grid<>(CollectionSummary.class, false);
  final Button refresh = new Button("Refresh", e -> refresh());

  @Inject
  public CollectionsView(CollectionService collections, IngestService ingest) {
    this.collections = collections;
    this.ingest = ingest;
    setSizeFull();
    addClassName("collections-view");

    grid.setId("collections");
    grid.addColumn(CollectionSummary::name).setHeader("Collection").setAutoWidth(true);
    grid.addColumn(CollectionSummary::imageCount).setHeader("Images").setAutoWidth(true);
    grid.addColumn(CollectionSummary::unreadableCount).setHeader("Unreadable").setAutoWidth(true);
    grid.addColumn(CollectionSummary::originalsRoot).setHeader("Originals root").setFlexGrow(1);
    grid.addColumn(c -> REGISTERED.format(c.createdAt()))
        .setHeader("Registered")
        .setAutoWidth(true);
    grid.addComponentColumn(this::ingestButton).setHeader("").setAutoWidth(true);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    grid.setSizeFull();

    refresh.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    add(new H2("Collections"), refresh, grid);
    refresh();
  }

  private Button ingestButton(CollectionSummary collection) {
    Button button = new Button("Ingest", e -> startIngest(collection));
    button.addThemeVariants(ButtonVariant.LUMO_SMALL);
    return button;
  }

  void startIngest(CollectionSummary collection) {
    try {
      RunView run = ingest.startIngest(collection.id(), IngestOptions.DEFAULTS);
      Notification.show(
              "Ingest of '" + collection.name() + "' started (run " + run.executionId() + ")")
          .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    } catch (RuntimeException e) {
      Notification.show("Ingest of '" + collection.name() + "' did not start: " + e.getMessage())
          .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
  }

  void refresh() {
    grid.setItems(collections.list());
  }
}
