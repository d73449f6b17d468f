package org.refocus.models.store;

import java.nio.file.Path;

/** Brings a package's tarball into a directory; {@link NpmPack} in the product. */
@FunctionalInterface
public interface PackageFetcher {

  /**
   * @return the tarball written into {@code directory}
   */
  Path fetch(ModelPackage pkg, Path directory) throws ModelStoreException;
}
