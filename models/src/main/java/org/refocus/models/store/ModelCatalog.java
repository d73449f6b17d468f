package org.refocus.models.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/** The models Refocus knows, read from {@code catalog.json} beside this class. */
public final class ModelCatalog {

  private final List<ModelPackage> packages;

  private ModelCatalog(List<ModelPackage> packages) {
    this.packages = List.copyOf(packages);
  }

  private record Json(List<PackageJson> packages) {}

  private record PackageJson(
      @JsonProperty("package") String name,
      String version,
      String integrity,
      String license,
      List<ModelSpec> models) {}

  private static volatile ModelCatalog bundled;

  /** The catalog shipped with Refocus, parsed once. */
  public static ModelCatalog bundled() {
    ModelCatalog catalog = bundled;
    if (catalog == null) {
      catalog = parseBundled();
      bundled = catalog;
    }
    return catalog;
  }

  private static ModelCatalog parseBundled() {
    try (InputStream in = ModelCatalog.class.getResourceAsStream("catalog.json")) {
      if (in == null) {
        throw new IllegalStateException("catalog.json missing from the class path");
      }
      Json json =
          new ObjectMapper()
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .readValue(in, Json.class);
      return new ModelCatalog(
          json.packages().stream()
              .map(
                  p ->
                      new ModelPackage(
                          p.name(), p.version(), p.integrity(), p.license(), p.models()))
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException("catalog.json cannot be read", e);
    }
  }

  public List<ModelPackage> packages() {
    return packages;
  }

  public Optional<ModelSpec> model(String id) {
    return packages.stream()
        .flatMap(p -> p.models().stream())
        .filter(m -> m.id().equals(id))
        .findFirst();
  }

  /** The package holding model {@code id}. */
  public Optional<ModelPackage> packageOf(String id) {
    return packages.stream()
        .filter(p -> p.models().stream().anyMatch(m -> m.id().equals(id)))
        .findFirst();
  }
}
