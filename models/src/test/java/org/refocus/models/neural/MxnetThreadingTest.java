package org.refocus.models.neural;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

class MxnetThreadingTest {

  @Test
  void recommendsAThreadPerCoreTheNaiveEngineAndNoOperatorTuning() {
    assertThat(MxnetThreading.recommended(6))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "OMP_NUM_THREADS", "6",
                "MXNET_ENGINE_TYPE", "NaiveEngine",
                "MXNET_USE_OPERATOR_TUNING", "0"));
  }

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Java cannot write the C environment there")
  void fillsInWhatTheEnvironmentLacksAndKeepsWhatItHas() {
    String name = "REFOCUS_TEST_FILL_IN_" + ProcessHandle.current().pid();
    assertThat(MxnetThreading.current(name)).isNull();

    assertThat(MxnetThreading.fillIn(Map.of(name, "first"))).isEmpty();
    assertThat(MxnetThreading.fillIn(Map.of(name, "second"))).isEmpty();

    assertThat(MxnetThreading.current(name)).isEqualTo("first");
  }

  @Test
  @DisabledOnOs(value = OS.WINDOWS, disabledReason = "Java cannot write the C environment there")
  void theConfiguredEngineLeavesEveryThreadingSettingSet() {
    InferenceEngine.named("MXNet");

    for (String variable : MxnetThreading.recommended(2).keySet()) {
      assertThat(MxnetThreading.current(variable)).as(variable).isNotNull();
    }
  }
}
