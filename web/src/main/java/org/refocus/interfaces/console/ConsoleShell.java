package org.refocus.interfaces.console;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

@Theme(themeClass = Lumo.class)
public class ConsoleShell implements AppShellConfigurator {

  private static final long serialVersionUID = 1L;

  @Override
  public void configurePage(AppShellSettings settings) {
    settings.setPageTitle("Refocus");
  }
}
