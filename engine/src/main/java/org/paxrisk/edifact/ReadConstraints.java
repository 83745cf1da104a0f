package org.paxrisk.edifact;

/**
 * Limits that keep a hostile or broken input from exhausting memory or time, in one place (after
 * Jackson's {@code StreamReadConstraints}). Exceeding a limit is an {@link EdifactException} whose
 * message names the setting to change.
 *
 * @param maxSegmentLength bytes in one segment (after removing line breaks)
 * @param maxElementsPerSegment data elements in one segment
 * @param maxComponentsPerSegment components in one segment, over all its elements
 * @param maxSegmentsPerMessage segments from UNH to UNT
 * @param maxMessageBytes bytes from UNH to UNT
 * @param maxIssuesPerMessage warnings kept per message; further ones are counted, not kept
 */
public record ReadConstraints(
    int maxSegmentLength,
    int maxElementsPerSegment,
    int maxComponentsPerSegment,
    int maxSegmentsPerMessage,
    long maxMessageBytes,
    int maxIssuesPerMessage) {

  /** Generous for real traffic: an A380 PNR push is about 10k segments and 1 MB. */
  public static final ReadConstraints DEFAULTS =
      new ReadConstraints(64 * 1024, 512, 4096, 200_000, 64L * 1024 * 1024, 100);

  public ReadConstraints {
    positive("maxSegmentLength", maxSegmentLength);
    positive("maxElementsPerSegment", maxElementsPerSegment);
    positive("maxComponentsPerSegment", maxComponentsPerSegment);
    positive("maxSegmentsPerMessage", maxSegmentsPerMessage);
    positive("maxMessageBytes", maxMessageBytes);
    positive("maxIssuesPerMessage", maxIssuesPerMessage);
    if (maxComponentsPerSegment < maxElementsPerSegment) {
      throw new IllegalArgumentException(
          "maxComponentsPerSegment (" + maxComponentsPerSegment
              + ") must be at least maxElementsPerSegment (" + maxElementsPerSegment + ")");
    }
  }

  private static void positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }

  public ReadConstraints withMaxSegmentLength(int v) {
    return new ReadConstraints(v, maxElementsPerSegment, maxComponentsPerSegment,
        maxSegmentsPerMessage, maxMessageBytes, maxIssuesPerMessage);
  }

  public ReadConstraints withMaxSegmentsPerMessage(int v) {
    return new ReadConstraints(maxSegmentLength, maxElementsPerSegment, maxComponentsPerSegment,
        v, maxMessageBytes, maxIssuesPerMessage);
  }

  public ReadConstraints withMaxMessageBytes(long v) {
    return new ReadConstraints(maxSegmentLength, maxElementsPerSegment, maxComponentsPerSegment,
        maxSegmentsPerMessage, v, maxIssuesPerMessage);
  }
}
