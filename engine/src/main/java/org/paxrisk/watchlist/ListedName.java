package org.paxrisk.watchlist;

/**
 * One name of a listed person or entity, as the source spells it.
 *
 * @param name the whole name as written by the source (any script)
 * @param surname the family name where the source separates it, else null
 * @param givenNames the given names where the source separates them, else null
 * @param type primary, alias (a.k.a.), former (f.k.a.), new (n.k.a.) or original script
 * @param weak whether the source marks the alias as low quality (UN "Low", OFAC "weak aka")
 */
public record ListedName(String name, String surname, String givenNames, Type type, boolean weak) {

  /** How the source qualifies the name. */
  public enum Type {
    PRIMARY,
    ALIAS,
    FORMER,
    NEW,
    ORIGINAL_SCRIPT
  }

  public ListedName {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a listed name needs a name");
    }
  }

  /** A primary name with no separate parts. */
  public static ListedName primary(String name) {
    return new ListedName(name, null, null, Type.PRIMARY, false);
  }
}
