package org.refocus.models.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.refocus.models.io.Fixity;

/**
 * The local cache of model packages. {@link #ensure} gives the unpacked package directory, fetching
 * it first if it is missing or damaged; an entry is only ever published complete (built in a
 * temporary directory, then moved into place), so an interrupted fetch leaves nothing half-made.
 */
public final class ModelStore {

  /** System property, then environment variable, overriding {@link #defaultCache()}. */
  public static final String CACHE_PROPERTY = "refocus.models.cache";

  public static final String CACHE_VARIABLE = "REFOCUS_MODEL_CACHE";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path cache;
  private final PackageFetcher fetcher;

  public ModelStore(Path cache, PackageFetcher fetcher) {
    this.cache = cache.toAbsolutePath().normalize();
    this.fetcher = fetcher;
  }

  /** The store at the configured (or default) cache directory, fetching with npm. */
  public static ModelStore configured() {
    return new ModelStore(configuredCache(), new NpmPack());
  }

  public static Path configuredCache() {
    String property = System.getProperty(CACHE_PROPERTY);
    if (property != null && !property.isBlank()) {
      return Path.of(property);
    }
    String variable = System.getenv(CACHE_VARIABLE);
    if (variable != null && !variable.isBlank()) {
      return Path.of(variable);
    }
    return defaultCache();
  }

  static Path defaultCache() {
    return Path.of(System.getProperty("user.home"), ".cache", "refocus", "models");
  }

  public Path cache() {
    return cache;
  }

  /** The unpacked package (the tarball's {@code package/}), verified, fetched if need be. */
  public Path ensure(ModelPackage pkg) throws ModelStoreException {
    CacheStatus status = check(pkg);
    if (status.state() != CacheStatus.State.VERIFIED) {
      rebuild(pkg);
      CacheStatus rebuilt = check(pkg);
      if (rebuilt.state() != CacheStatus.State.VERIFIED) {
        throw new ModelStoreException(
            "the cache entry for "
                + pkg.spec()
                + " is still damaged after fetching: "
                + rebuilt.detail());
      }
    }
    return entry(pkg).resolve("package");
  }

  /**
   * Whether an entry for exactly this package has been published, without hashing its files (a
   * listing should not read gigabytes): {@link #check} and {@link #ensure} do that.
   */
  public boolean isCached(ModelPackage pkg) {
    Path manifestFile = entry(pkg).resolve(CacheManifest.FILE_NAME);
    try {
      return Files.isRegularFile(manifestFile)
          && JSON.readValue(manifestFile.toFile(), CacheManifest.class).describes(pkg);
    } catch (IOException e) {
      return false;
    }
  }

  /** Checks one package's cache entry file by file, changing nothing. */
  public CacheStatus check(ModelPackage pkg) {
    Path entry = entry(pkg);
    Path manifestFile = entry.resolve(CacheManifest.FILE_NAME);
    if (!Files.isDirectory(entry)) {
      return new CacheStatus(pkg, CacheStatus.State.MISSING, "not fetched");
    }
    if (!Files.isRegularFile(manifestFile)) {
      return new CacheStatus(pkg, CacheStatus.State.CORRUPT, "no manifest (fetch interrupted?)");
    }
    try {
      CacheManifest manifest = JSON.readValue(manifestFile.toFile(), CacheManifest.class);
      if (!manifest.describes(pkg)) {
        return new CacheStatus(
            pkg,
            CacheStatus.State.CORRUPT,
            "manifest is for " + manifest.name() + "@" + manifest.version());
      }
      Path root = entry.resolve("package");
      for (Map.Entry<String, String> file : manifest.files().entrySet()) {
        Path path = root.resolve(file.getKey());
        if (!Files.isRegularFile(path)) {
          return new CacheStatus(pkg, CacheStatus.State.CORRUPT, file.getKey() + " is missing");
        }
        if (!Fixity.sha256(path).equals(file.getValue())) {
          return new CacheStatus(
              pkg, CacheStatus.State.CORRUPT, file.getKey() + " does not match its checksum");
        }
      }
      return new CacheStatus(
          pkg, CacheStatus.State.VERIFIED, manifest.files().size() + " files verified");
    } catch (IOException e) {
      return new CacheStatus(pkg, CacheStatus.State.CORRUPT, "unreadable: " + e.getMessage());
    }
  }

  /**
   * Where derived files of a package (models converted for an engine) live: beside the verified
   * entry, never inside it, so the entry's manifest keeps describing exactly what npm delivered.
   */
  public Path derivedDirectory(ModelPackage pkg) {
    return cache.resolve("converted").resolve(pkg.directoryName());
  }

  private Path entry(ModelPackage pkg) {
    return cache.resolve(pkg.directoryName());
  }

  private void rebuild(ModelPackage pkg) throws ModelStoreException {
    Path work;
    try {
      Files.createDirectories(cache);
      work = Files.createTempDirectory(cache, ".fetch-");
    } catch (IOException e) {
      throw new ModelStoreException(
          "cannot create the model cache " + cache + ": " + e.getMessage(), e);
    }
    try {
      Path download = Files.createDirectories(work.resolve("download"));
      Path tarball = fetcher.fetch(pkg, download);
      String actual = Integrity.sha512(tarball);
      if (!actual.equals(pkg.integrity())) {
        throw new ModelStoreException(
            "integrity check failed for "
                + pkg.spec()
                + ": the catalog pins "
                + pkg.integrity()
                + " but the download is "
                + actual
                + "; nothing was cached");
      }
      Path root = work.resolve("package");
      List<String> files = Tarball.unpack(tarball, root);
      Map<String, String> sums = new LinkedHashMap<>();
      for (String file : files) {
        sums.put(file, Fixity.sha256(root.resolve(file)));
      }
      JSON.writeValue(
          work.resolve(CacheManifest.FILE_NAME).toFile(),
          new CacheManifest(pkg.name(), pkg.version(), pkg.integrity(), sums));
      CacheDirectories.deleteRecursively(download);
      CacheDirectories.publish(work, entry(pkg));
    } catch (IOException e) {
      throw new ModelStoreException("cannot cache " + pkg.spec() + ": " + e.getMessage(), e);
    } finally {
      CacheDirectories.deleteQuietly(work);
    }
  }
}
