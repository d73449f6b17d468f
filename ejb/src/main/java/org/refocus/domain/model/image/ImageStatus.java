package org.refocus.domain.model.image;

public enum ImageStatus {
  /** Read, measured and checksummed: ready for assessment. */
  CATALOGUED,
  /** Checksummed but not decodable; the problem says why. The original is kept untouched. */
  UNREADABLE
}
