package org.refocus.models.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fixity values: how an archive proves that an original has not changed. */
public final class Fixity {

  private static final int BUFFER_SIZE = 1 << 16;

  private Fixity() {}

  /** Lower-case hex SHA-256 of the file's bytes, streamed so any file size is fine. */
  public static String sha256(Path file) throws IOException {
    return HexFormat.of().formatHex(digest(file, "SHA-256"));
  }

  /** The file's digest by {@code algorithm} (a name every Java platform provides), streamed. */
  public static byte[] digest(Path file, String algorithm) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this Java platform lacks " + algorithm, e);
    }
    byte[] buffer = new byte[BUFFER_SIZE];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
    }
    return digest.digest();
  }
}
