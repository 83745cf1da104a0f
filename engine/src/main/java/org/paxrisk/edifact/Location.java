package org.paxrisk.edifact;

/**
 * Where something was found in an input: the source, the message within it, the segment within the
 * message, and the element and component within the segment, plus the absolute byte offset.
 *
 * <p>Numbers are 1-based; 0 means "not applicable" (for example {@code message} 0 is the interchange
 * envelope outside any UNH..UNT, {@code element} 0 is the segment tag). The string form follows
 * Jackson's {@code JsonLocation}: {@code [source: a.edi; message: 2; segment: 14 (NAD); element: 3;
 * component: 2; byte: 512]}. A location never holds data values, so it is safe to log.
 */
public record Location(
    String source, int message, int segment, String tag, int element, int component, long byteOffset) {

  /** A location for the whole source, before any segment was read. */
  public static Location ofSource(String source) {
    return new Location(source, 0, 0, null, 0, 0, 0);
  }

  /** The same place, narrowed to one element and component. */
  public Location at(int element, int component, long byteOffset) {
    return new Location(source, message, segment, tag, element, component, byteOffset);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(96).append("[source: ").append(source);
    sb.append("; message: ").append(message);
    if (segment > 0) {
      sb.append("; segment: ").append(segment);
      if (tag != null) {
        sb.append(" (").append(tag).append(')');
      }
    }
    if (element > 0) {
      sb.append("; element: ").append(element);
      if (component > 0) {
        sb.append("; component: ").append(component);
      }
    }
    return sb.append("; byte: ").append(byteOffset).append(']').toString();
  }
}
