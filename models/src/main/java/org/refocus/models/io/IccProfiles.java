package org.refocus.models.io;

import java.nio.charset.StandardCharsets;

/** What an ICC profile's header says about the pixels it describes. */
final class IccProfiles {

  private IccProfiles() {}

  /**
   * Whether {@code profile} (null: none) can describe pixels with this many colour channels: a
   * 'GRAY' data colour space for one, 'RGB ' for three. No profile always fits.
   */
  static boolean describes(byte[] profile, int colourChannels) {
    if (profile == null) {
      return true;
    }
    if (profile.length < 20) {
      return false;
    }
    String space = new String(profile, 16, 4, StandardCharsets.US_ASCII);
    return colourChannels == 1 ? space.equals("GRAY") : space.equals("RGB ");
  }
}
