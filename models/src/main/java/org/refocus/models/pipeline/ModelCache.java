package org.refocus.models.pipeline;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.refocus.models.neural.GraphModel;
import org.refocus.models.neural.LoadedModel;
import org.refocus.models.neural.NeuralModel;
import org.refocus.models.neural.NeuralModels;
import org.refocus.models.store.ModelStoreException;
import org.refocus.models.tfjs.TfjsFormatException;

/**
 * The neural models one pipeline has loaded, each loaded once on first use and kept: loading reads
 * and checks the weights, which costs far more than a tile.
 */
final class ModelCache implements AutoCloseable {

  private final Supplier<NeuralModels> source;
  private final Map<String, LoadedModel> loaded = new HashMap<>();
  private NeuralModels models;

  ModelCache(Supplier<NeuralModels> source) {
    this.source = source;
  }

  NeuralModel upscaler(String id) throws IOException, ModelStoreException, TfjsFormatException {
    return (NeuralModel) loaded(id, () -> models().load(id));
  }

  GraphModel graph(String id) throws IOException, ModelStoreException, TfjsFormatException {
    return (GraphModel) loaded(id, () -> models().loadGraph(id));
  }

  @FunctionalInterface
  private interface Loader {
    LoadedModel load() throws IOException, ModelStoreException, TfjsFormatException;
  }

  private synchronized LoadedModel loaded(String id, Loader loader)
      throws IOException, ModelStoreException, TfjsFormatException {
    LoadedModel model = loaded.get(id);
    if (model == null) {
      model = loader.load();
      loaded.put(id, model);
    }
    return model;
  }

  private synchronized NeuralModels models() {
    if (models == null) {
      models = source.get();
    }
    return models;
  }

  /** Closes every loaded model, all of them even when one fails, then throws the first failure. */
  @Override
  public synchronized void close() {
    RuntimeException first = null;
    for (LoadedModel model : loaded.values()) {
      try {
        model.close();
      } catch (RuntimeException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    loaded.clear();
    if (first != null) {
      throw first;
    }
  }
}
