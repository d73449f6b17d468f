package org.refocus.application;

import java.io.Serializable;
import java.time.Instant;

/**
 * A collection as the console and the API show it.
 *
 * @param imageCount images ingest has catalogued, readable or not
 * @param unreadableCount of those, the ones whose content could not be decoded
 */
public record CollectionSummary(
    long id,
    String name,
    String originalsRoot,
    Instant createdAt,
    long imageCount,
    long unreadableCount)
    implements Serializable {}
