package org.refocus.application;

import java.io.Serializable;
import java.time.Instant;

/** One catalogued original, as the console and the API show it. */
public record ImageView(
    String relativePath,
    long sizeBytes,
    String sha256,
    String status,
    String format,
    Integer width,
    Integer height,
    String problem,
    long ingestExecutionId,
    Instant ingestedAt)
    implements Serializable {}
