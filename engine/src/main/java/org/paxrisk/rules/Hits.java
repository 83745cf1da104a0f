package org.paxrisk.rules;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/**
 * Where rules record what they found: the DRL global {@code hits}. A consequence calls
 * {@code hits.add(kcontext, $subject, "reason")}; the rule's category, severity and score come from
 * its annotations, so the reason is the only thing a rule author writes by hand.
 *
 * <p>One instance belongs to one session and is used by one thread at a time.
 */
public final class Hits {
  private final Map<String, RuleMeta> meta;
  private final Map<Subject, List<RiskHit>> bySubject = new IdentityHashMap<>();

  Hits(Map<String, RuleMeta> meta) {
    this.meta = meta;
  }

  /** Records a hit of the running rule for {@code subject}. */
  public void add(RuleContext kcontext, Subject subject, String reason) {
    RuleMeta m = meta.get(kcontext.getRule().getPackageName() + '.' + kcontext.getRule().getName());
    RiskHit hit = new RiskHit(kcontext.getRule().getName(), m.category(), m.severity(), m.score(),
        reason);
    bySubject.computeIfAbsent(subject, s -> new ArrayList<>(2)).add(hit);
  }

  List<RiskHit> take(Subject subject) {
    List<RiskHit> h = bySubject.get(subject);
    return h == null ? List.of() : h;
  }

  void clear() {
    bySubject.clear();
  }

  /** A rule's annotations, checked when the pack compiles. */
  record RuleMeta(String category, Severity severity, int score) {}
}
