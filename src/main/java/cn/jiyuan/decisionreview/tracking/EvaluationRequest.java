package cn.jiyuan.decisionreview.tracking;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An accepted request as evaluation-request hands it to tracking (DESIGN.md §4.3); merged into a running evaluation
 * it travels as one Json value ({@code mergedRequest}), so that it cannot overwrite that evaluation's variables.
 */
@JsonIgnoreProperties(ignoreUnknown = true) // entries written by earlier versions keep their extra keys
public record EvaluationRequest(String requestReason, String legalBasis, Boolean urgent, String requestDescription,
    String requestedBy) {}
