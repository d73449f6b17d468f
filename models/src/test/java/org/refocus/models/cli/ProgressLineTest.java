package org.refocus.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @Test
  void onATerminalTheTileCountIsRewrittenInPlaceAndTheOutcomeErasesIt() {
    ProgressLine line = new ProgressLine(err, true);

    line.start("[1/2] a.png ... ");
    line.update("deblur: tile 1 of 12");
    line.update("deblur: tile 2 of 12");
    line.finish("ok");

    String prefix = "[1/2] a.png ... ";
    assertThat(text())
        .isEqualTo(
            prefix
                + "\r"
                + prefix
                + "deblur: tile 1 of 12"
                + "\r"
                + prefix
                + "deblur: tile 2 of 12"
                + "\r"
                + prefix
                + "ok"
                + " ".repeat("deblur: tile 2 of 12".length() - 2)
                + System.lineSeparator());
  }

  @Test
  void intoAFileEachImageIsOnePlainLine() {
    ProgressLine line = new ProgressLine(err, false);

    line.start("[2/2] b.png ... ");
    line.update("deblur: tile 1 of 12");
    line.finish("failed");

    assertThat(text()).isEqualTo("[2/2] b.png ... failed" + System.lineSeparator());
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
