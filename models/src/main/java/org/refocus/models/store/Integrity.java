package org.refocus.models.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;
import org.refocus.models.io.Fixity;

/** Subresource Integrity strings as npm writes them: {@code sha512-} and the base64 digest. */
final class Integrity {

  private Integrity() {}

  static String sha512(Path file) throws IOException {
    return "sha512-" + Base64.getEncoder().encodeToString(Fixity.digest(file, "SHA-512"));
  }
}
