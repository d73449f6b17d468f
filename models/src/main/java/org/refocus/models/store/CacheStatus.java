package org.refocus.models.store;

/** What {@link ModelStore#check} found for one package. */
public record CacheStatus(ModelPackage pkg, State state, String detail) {

  public enum State {
    /** present and every file matches its manifest */
    VERIFIED,
    /** not fetched yet */
    MISSING,
    /** present but damaged or from another version: fetched again on next use */
    CORRUPT
  }
}
