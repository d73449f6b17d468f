package org.refocus.models.store;

import java.util.List;

/**
 * An npm package of models, pinned.
 *
 * @param name the npm package name, e.g. {@code @upscalerjs/esrgan-thick}
 * @param version the exact version
 * @param integrity the tarball's Subresource Integrity string as npm reports it ({@code sha512-…})
 * @param license the package's licence (SPDX id)
 * @param models what the package holds
 */
public record ModelPackage(
    String name, String version, String integrity, String license, List<ModelSpec> models) {

  public ModelPackage {
    models = List.copyOf(models);
  }

  /** {@code name@version}, as npm takes it. */
  public String spec() {
    return name + "@" + version;
  }

  /** A directory name for the cache: {@code @scope/name} becomes {@code scope+name}. */
  String directoryName() {
    return name.replace("@", "").replace('/', '+') + "@" + version;
  }
}
