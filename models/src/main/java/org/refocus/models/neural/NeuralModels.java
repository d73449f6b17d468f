package org.refocus.models.neural;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.refocus.models.graph.GraphPlan;
import org.refocus.models.io.Fixity;
import org.refocus.models.store.CacheDirectories;
import org.refocus.models.store.ModelCatalog;
import org.refocus.models.store.ModelPackage;
import org.refocus.models.store.ModelSpec;
import org.refocus.models.store.ModelStore;
import org.refocus.models.store.ModelStoreException;
import org.refocus.models.tfjs.GraphModelFile;
import org.refocus.models.tfjs.LayersModelFile;
import org.refocus.models.tfjs.TfjsFormatException;

/**
 * Loads catalogued models: the package from the {@link ModelStore}, imported once into DJL
 * parameters kept beside it ({@code converted/…/ID/ID-0000.params} and {@code conversion.json}),
 * then loaded from those on the configured engine. A conversion is redone when the importer
 * changes, the package's files change, or the parameters file no longer matches its checksum.
 */
public final class NeuralModels {

  /** Bumped whenever the importer's output for the same input changes. */
  static final String IMPORTER = "keras-layers/1";

  private static final String METADATA = "conversion.json";

  /** File locks are per process; threads of one process queue here first. */
  private static final java.util.concurrent.ConcurrentMap<Path, Object> IN_PROCESS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ModelStore store;
  private final ModelCatalog catalog;
  private final InferenceEngine engine;

  /**
   * Packages already verified file by file: once per instance is enough (a package of four models
   * is hashed once, not four times).
   */
  private final java.util.Map<ModelPackage, Path> verified =
      new java.util.concurrent.ConcurrentHashMap<>();

  public NeuralModels(ModelStore store, ModelCatalog catalog, InferenceEngine engine) {
    this.store = store;
    this.catalog = catalog;
    this.engine = engine;
  }

  public static NeuralModels configured() {
    return new NeuralModels(
        ModelStore.configured(), ModelCatalog.bundled(), InferenceEngine.configured());
  }

  public InferenceEngine engine() {
    return engine;
  }

  /** What {@code conversion.json} records. */
  record Conversion(
      String model,
      String packageName,
      String version,
      String importer,
      String sourceSha256,
      String parameters,
      String parametersSha256) {}

  /** A Keras layers model (the upscalers), converted to DJL parameters on first use. */
  public NeuralModel load(String id) throws ModelStoreException, TfjsFormatException, IOException {
    ModelSpec spec = spec(id, "tfjs-layers");
    ModelPackage pkg = packageOf(spec);
    Path root = verifiedRoot(pkg);
    LayersModelFile file = LayersModelFile.read(root.resolve(spec.modelJson()));
    String source = sourceSha256(file.file(), file.shardFiles());
    Path dir = store.derivedDirectory(pkg).resolve(id);
    Files.createDirectories(dir.getParent());
    // one converter per model at a time, across threads and processes: a second waits, then
    // finds the conversion current
    synchronized (IN_PROCESS.computeIfAbsent(dir, d -> new Object())) {
      return loadLocked(spec, pkg, file, source, dir);
    }
  }

  /**
   * A TF.js graph model (MAXIM), planned for our executor straight from the verified package: its
   * constants are read as they are, so there is nothing to convert.
   */
  public GraphModel loadGraph(String id)
      throws ModelStoreException, TfjsFormatException, IOException {
    ModelSpec spec = spec(id, "tfjs-graph");
    ModelPackage pkg = packageOf(spec);
    GraphModelFile file = GraphModelFile.read(verifiedRoot(pkg).resolve(spec.modelJson()));
    return new GraphModel(
        spec, pkg, engine, GraphPlan.of(file), sourceSha256(file.file(), file.shardFiles()));
  }

  private ModelSpec spec(String id, String format) {
    ModelSpec spec =
        catalog
            .model(id)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown model '" + id + "'; `refocus models list` shows the known ones"));
    if (!spec.format().equals(format)) {
      throw new IllegalArgumentException(
          "model '" + id + "' is a " + spec.format() + " model, not " + format);
    }
    return spec;
  }

  private ModelPackage packageOf(ModelSpec spec) {
    return catalog
        .packageOf(spec.id())
        .orElseThrow(
            () -> new IllegalStateException("catalog lists " + spec.id() + " in no package"));
  }

  private Path verifiedRoot(ModelPackage pkg) throws ModelStoreException, IOException {
    Path root = verified.get(pkg);
    if (root == null) {
      root = store.ensure(pkg);
      verified.put(pkg, root);
    }
    return root;
  }

  private NeuralModel loadLocked(
      ModelSpec spec, ModelPackage pkg, LayersModelFile file, String source, Path dir)
      throws TfjsFormatException, IOException {
    String id = spec.id();
    try (FileChannel lock =
            FileChannel.open(
                dir.resolveSibling(id + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock held = lock.lock()) {
      if (!isCurrent(dir, source)) {
        convert(spec, pkg, file, source, dir);
      }
      try {
        return open(spec, pkg, file, source, dir);
      } catch (IOException e) {
        // parameters that verify but do not load were written by another importer: redo them
        convert(spec, pkg, file, source, dir);
        return open(spec, pkg, file, source, dir);
      }
    }
  }

  private NeuralModel open(
      ModelSpec spec, ModelPackage pkg, LayersModelFile file, String source, Path dir)
      throws TfjsFormatException, IOException {
    LayerGraphBlock block = KerasImporter.block(file);
    Model model = Model.newInstance(spec.id(), engine.device(), engine.name());
    try {
      model.setBlock(block);
      model.load(dir, spec.id());
      return new NeuralModel(spec, pkg, engine, model, block, source);
    } catch (MalformedModelException | IOException e) {
      model.close();
      throw new IOException(
          "the converted parameters in " + dir + " cannot be loaded: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static boolean isCurrent(Path dir, String source) throws IOException {
    Path metadata = dir.resolve(METADATA);
    if (!Files.isRegularFile(metadata)) {
      return false;
    }
    Conversion c;
    try {
      c = JSON.readValue(metadata.toFile(), Conversion.class);
    } catch (IOException e) {
      return false;
    }
    if (c.parameters() == null) {
      return false;
    }
    Path parameters = dir.resolve(c.parameters());
    return IMPORTER.equals(c.importer())
        && source.equals(c.sourceSha256())
        && Files.isRegularFile(parameters)
        && Fixity.sha256(parameters).equals(c.parametersSha256());
  }

  private void convert(
      ModelSpec spec, ModelPackage pkg, LayersModelFile file, String source, Path dir)
      throws TfjsFormatException, IOException {
    Files.createDirectories(dir.getParent());
    Path work = Files.createTempDirectory(dir.getParent(), ".convert-");
    try {
      // parameters are engine-neutral DJL files: whichever engine writes them, any engine reads
      // them
      try (Model model = Model.newInstance(spec.id(), ai.djl.Device.cpu(), engine.name())) {
        LayerGraphBlock block = KerasImporter.block(file);
        model.setBlock(block);
        KerasImporter.importWeights(file, block, file.readWeights(), model.getNDManager());
        model.save(work, spec.id());
      }
      Path parameters;
      try (Stream<Path> files = Files.list(work)) {
        parameters =
            files
                .filter(p -> p.getFileName().toString().endsWith(".params"))
                .findFirst()
                .orElseThrow(() -> new IOException("DJL wrote no .params file in " + work));
      }
      JSON.writeValue(
          work.resolve(METADATA).toFile(),
          new Conversion(
              spec.id(),
              pkg.name(),
              pkg.version(),
              IMPORTER,
              source,
              parameters.getFileName().toString(),
              Fixity.sha256(parameters)));
      CacheDirectories.publish(work, dir);
    } finally {
      CacheDirectories.deleteQuietly(work);
    }
  }

  /** SHA-256 over model.json then every shard, in manifest order. */
  static String sourceSha256(Path modelJson, List<Path> shards) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    List<Path> files = new ArrayList<>();
    files.add(modelJson);
    files.addAll(shards);
    byte[] buffer = new byte[1 << 16];
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          digest.update(buffer, 0, n);
        }
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
