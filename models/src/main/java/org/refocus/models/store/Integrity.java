package org.refocus.models.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** Subresource Integrity strings as npm writes them: {@code sha512-} and the base64 digest. */
final class Integrity {

  private Integrity() {}

  static String sha512(Path file) throws IOException {
    return "sha512-" + Base64.getEncoder().encodeToString(digest(file, "SHA-512"));
  }

  private static byte[] digest(Path file, String algorithm) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required of every Java runtime", e);
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    }
    return digest.digest();
  }
}
