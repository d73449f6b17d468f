package org.refocus.models.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real thing: npm fetches a pinned package from the registry npm is configured with. */
class NpmPackTest {

  @TempDir Path cache;

  @Test
  void fetchesAndVerifiesThePinnedDefaultModel() throws Exception {
    ModelCatalog catalog = ModelCatalog.bundled();
    ModelPackage pkg = catalog.packageOf("default-model-x2").orElseThrow();
    ModelStore store = new ModelStore(cache, new NpmPack());

    Path dir = store.ensure(pkg);

    ModelSpec spec = catalog.model("default-model-x2").orElseThrow();
    assertThat(dir.resolve(spec.modelJson())).isRegularFile();
    assertThat(dir.resolve("models/group1-shard1of1.bin")).isRegularFile();
    assertThat(dir.resolve(spec.fixture())).isRegularFile();
    assertThat(dir.resolve(spec.sample())).isRegularFile();
    assertThat(store.check(pkg).state()).isEqualTo(CacheStatus.State.VERIFIED);
  }
}
