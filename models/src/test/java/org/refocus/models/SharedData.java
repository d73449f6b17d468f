package org.refocus.models;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The shared benchmark images (Set5, Kodak24, GoPro pairs, …) that sit beside the checkout as
 * {@code ../shared/data}; the build passes their location as {@code refocus.sharedData}.
 */
public final class SharedData {

  private SharedData() {}

  public static Path path(String first, String... more) {
    Path root = Path.of(System.getProperty("refocus.sharedData", "../../shared/data"));
    Path path = root.resolve(Path.of(first, more));
    if (!Files.exists(path)) {
      throw new IllegalStateException(
          "benchmark data missing: "
              + path.toAbsolutePath().normalize()
              + " (expected ../shared/data beside the checkout)");
    }
    return path;
  }
}
