package org.refocus.models.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.refocus.models.neural.InferenceEngine;
import org.refocus.models.neural.NeuralModel;
import org.refocus.models.neural.NeuralModels;
import org.refocus.models.store.CacheStatus;
import org.refocus.models.store.ModelCatalog;
import org.refocus.models.store.ModelPackage;
import org.refocus.models.store.ModelSpec;
import org.refocus.models.store.ModelStore;
import org.refocus.models.store.ModelStoreException;
import org.refocus.models.tfjs.TfjsFormatException;

/** {@code refocus models list | fetch [ID...] | verify}: the pretrained models and their cache. */
final class ModelsCommand {

  private final PrintStream out;
  private final PrintStream err;
  private final ModelCatalog catalog;
  private final ModelStore store;
  private NeuralModels neural;

  ModelsCommand(PrintStream out, PrintStream err, ModelCatalog catalog, ModelStore store) {
    this.out = out;
    this.err = err;
    this.catalog = catalog;
    this.store = store;
  }

  int run(List<String> args) {
    if (args.isEmpty()) {
      throw new RefocusCli.UsageException("models needs list, fetch or verify");
    }
    List<String> rest = args.subList(1, args.size());
    return switch (args.get(0)) {
      case "list" -> list();
      case "fetch" -> fetch(rest);
      case "verify" -> verify();
      default ->
          throw new RefocusCli.UsageException(
              "models list, fetch or verify, not '" + args.get(0) + "'");
    };
  }

  private int list() {
    out.printf(
        Locale.ROOT,
        "%-18s %-34s %-12s %5s %6s %-8s %s%n",
        "model",
        "package",
        "architecture",
        "scale",
        "input",
        "license",
        "cache");
    for (ModelPackage pkg : catalog.packages()) {
      String state = store.isCached(pkg) ? "cached" : "missing";
      for (ModelSpec m : pkg.models()) {
        out.printf(
            Locale.ROOT,
            "%-18s %-34s %-12s %5s %6s %-8s %s%n",
            m.id(),
            pkg.spec(),
            m.architecture(),
            "x" + m.scale(),
            m.inputRange(),
            pkg.license(),
            state);
      }
    }
    out.println("cache: " + store.cache() + " (refocus models verify checks every file)");
    return RefocusCli.OK;
  }

  private int fetch(List<String> ids) {
    Set<ModelPackage> wanted = new LinkedHashSet<>();
    List<String> failures = new ArrayList<>();
    if (ids.isEmpty()) {
      wanted.addAll(catalog.packages());
    }
    for (String id : ids) {
      catalog
          .packageOf(id)
          .ifPresentOrElse(
              wanted::add,
              () -> failures.add(id + ": no such model (refocus models list shows them)"));
    }
    for (ModelPackage pkg : wanted) {
      out.printf("%s ... ", pkg.spec());
      out.flush();
      try {
        Path dir = store.ensure(pkg);
        out.println("verified, " + dir);
      } catch (ModelStoreException e) {
        out.println("failed");
        failures.add(e.getMessage());
        continue;
      }
      convert(pkg, failures);
    }
    return summarise(wanted.size(), failures, "fetched");
  }

  /** Imports each layers model once now, so the first restoration does not pay for it. */
  private void convert(ModelPackage pkg, List<String> failures) {
    for (ModelSpec spec : pkg.models()) {
      if (!spec.format().equals("tfjs-layers")) {
        continue;
      }
      out.printf("  %s ... ", spec.id());
      out.flush();
      try {
        if (neural == null) {
          neural = new NeuralModels(store, catalog, InferenceEngine.configured());
        }
        try (NeuralModel model = neural.load(spec.id())) {
          out.printf(
              Locale.ROOT,
              "converted for DJL (%.1f MFLOP per input pixel)%n",
              2 * model.multiplyAddsPerPixel() / 1e6);
        }
      } catch (ModelStoreException | TfjsFormatException | IOException | RuntimeException e) {
        out.println("failed");
        failures.add(spec.id() + ": " + e.getMessage());
      }
    }
  }

  private int verify() {
    List<String> failures = new ArrayList<>();
    for (ModelPackage pkg : catalog.packages()) {
      CacheStatus status = store.check(pkg);
      out.printf(
          Locale.ROOT,
          "%-34s %-8s %s%n",
          pkg.spec(),
          status.state().name().toLowerCase(Locale.ROOT),
          status.detail());
      if (status.state() == CacheStatus.State.CORRUPT) {
        failures.add(pkg.spec() + ": " + status.detail() + " (refocus models fetch rebuilds it)");
      }
    }
    return summarise(catalog.packages().size(), failures, "checked");
  }

  private int summarise(int total, List<String> failures, String verb) {
    for (String failure : failures) {
      err.println("refocus: " + failure);
    }
    out.printf("refocus: %d %s, %d failed%n", total, verb, failures.size());
    return failures.isEmpty() ? RefocusCli.OK : RefocusCli.SOME_FAILED;
  }
}
