package org.refocus.models.store;

import java.util.Map;
import java.util.TreeMap;

/**
 * What an unpacked cache entry must hold, written after the tarball passed its integrity check: the
 * package, and the SHA-256 of every file, so later damage (a truncated shard, an edited model.json)
 * is found before a model is loaded from it.
 */
record CacheManifest(String name, String version, String integrity, Map<String, String> files) {

  static final String FILE_NAME = "refocus-manifest.json";

  CacheManifest {
    files = new TreeMap<>(files);
  }

  boolean describes(ModelPackage pkg) {
    return name.equals(pkg.name())
        && version.equals(pkg.version())
        && integrity.equals(pkg.integrity());
  }
}
