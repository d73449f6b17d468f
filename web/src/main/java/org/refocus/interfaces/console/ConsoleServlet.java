package org.refocus.interfaces.console;

import com.vaadin.cdi.CdiVaadinServlet;
import jakarta.servlet.annotation.WebServlet;

/**
 * The console's servlet, declared so that views are created through CDI (and so receive the
 * application services) rather than by Vaadin's default servlet, which Flow would otherwise deploy
 * first. The REST API's more specific {@code /api/*} mapping takes precedence.
 */
@WebServlet(urlPatterns = "/*", asyncSupported = true, loadOnStartup = 1)
public class ConsoleServlet extends CdiVaadinServlet {

  private static final long serialVersionUID = 1L;
}
