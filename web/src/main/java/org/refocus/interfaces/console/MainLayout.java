package org.refocus.interfaces.console;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The frame around every console view. */
public class MainLayout extends AppLayout {

  private static final long serialVersionUID = 1L;

  public MainLayout() {
    H1 title = new H1("Refocus");
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
    Span tagline = new Span("archival image restoration");
    tagline.getStyle().set("color", "var(--lumo-secondary-text-color)");
    HorizontalLayout header = new HorizontalLayout(title, tagline);
    header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    header.getStyle().set("padding", "0 var(--lumo-space-m)");
    addToNavbar(header);
  }
}
