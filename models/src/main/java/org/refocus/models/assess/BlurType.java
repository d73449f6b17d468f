package org.refocus.models.assess;

/** What kind of blur an image shows, as far as its spectrum tells. */
public enum BlurType {
  /** Detail reaches the finest scale the pixels hold. */
  SHARP,
  /** Camera or subject moved during the exposure: detail lost along one direction. */
  MOTION,
  /** Missed focus: detail lost equally in all directions, with the disk's rings of zeros. */
  DEFOCUS,
  /** Enlarged from fewer pixels: detail cut off along the pixel grid's axes. */
  LOW_RESOLUTION
}
