package org.refocus.models.assess;

/**
 * The blur type an image shows, how sure the classifier is, and the three measures it decided on.
 *
 * @param type the blur type
 * @param confidence 0.5 (on a threshold) to 1 (far from every threshold the decision passed)
 * @param detailRatio Laplacian over gradient energy, noise removed: about 2–3 when sharp
 * @param anisotropy two-fold spectral fall-off against the height above the noise floor
 * @param resamplingTrace periodicity peak of an integer enlargement; about 1 when there is none
 */
public record BlurVerdict(
    BlurType type,
    double confidence,
    double detailRatio,
    double anisotropy,
    double resamplingTrace) {}
