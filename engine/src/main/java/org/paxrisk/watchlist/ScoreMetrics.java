package org.paxrisk.watchlist;

import java.util.Arrays;

/**
 * How well scores separate matches from non-matches: the area under the ROC curve, and the best F1
 * with the threshold that gives it. Used by {@code paxrisk names score} and the evaluation tests.
 *
 * @param pairs labelled pairs scored
 * @param positives pairs labelled as the same person
 * @param auc probability that a random positive scores above a random negative (ties count half)
 * @param bestF1 the highest F1 over all thresholds
 * @param threshold the lowest score counted as a match at that F1
 * @param precision precision at that threshold
 * @param recall recall at that threshold
 */
public record ScoreMetrics(
    int pairs, int positives, double auc, double bestF1, double threshold, double precision,
    double recall) {

  /** Metrics of {@code scores} against {@code labels} (true: same person). */
  public static ScoreMetrics of(double[] scores, boolean[] labels) {
    int n = scores.length;
    if (labels.length != n) {
      throw new IllegalArgumentException("as many labels as scores are needed");
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a])); // highest first
    int pos = 0;
    for (boolean l : labels) {
      pos += l ? 1 : 0;
    }
    int neg = n - pos;
    // AUC by the rank-sum (Mann-Whitney) statistic, ties given average ranks.
    double rankSum = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double avgRank = n - (i + j) / 2.0; // ranks counted from the lowest score = 1
      for (int k = i; k <= j; k++) {
        if (labels[order[k]]) {
          rankSum += avgRank;
        }
      }
      i = j + 1;
    }
    double auc = pos == 0 || neg == 0 ? Double.NaN
        : (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    // Best F1: sweep the threshold down through the distinct scores.
    double bestF1 = 0;
    double bestT = 1;
    double bestP = 0;
    double bestR = 0;
    int tp = 0;
    int fp = 0;
    i = 0;
    while (i < n) {
      double t = scores[order[i]];
      while (i < n && scores[order[i]] == t) {
        if (labels[order[i]]) {
          tp++;
        } else {
          fp++;
        }
        i++;
      }
      double p = tp / (double) (tp + fp);
      double r = pos == 0 ? 0 : tp / (double) pos;
      double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
      if (f1 > bestF1) {
        bestF1 = f1;
        bestT = t;
        bestP = p;
        bestR = r;
      }
    }
    return new ScoreMetrics(n, pos, auc, bestF1, bestT, bestP, bestR);
  }
}
