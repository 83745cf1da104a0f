package org.paxrisk;

import java.time.Instant;

/**
 * What an assessment was made with, so that a hit can be explained and reproduced later.
 *
 * @param engine the engine's version
 * @param ruleset the rule set's hash ({@link org.paxrisk.rules.RuleSet#hash()})
 * @param listVersion the watch-list store version, or null when screening without lists
 * @param screenedAt when the assessment was made
 */
public record Provenance(String engine, String ruleset, String listVersion, Instant screenedAt) {}
