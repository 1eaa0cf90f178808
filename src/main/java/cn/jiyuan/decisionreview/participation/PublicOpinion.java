package cn.jiyuan.decisionreview.participation;

import java.time.Instant;

/** One stored opinion as staff see it: no address data leaves {@link OpinionStore}. */
public record PublicOpinion(String receipt, String decisionNumber, OpinionCategory category, String text,
    String contact, Instant submittedAt) {
}
