package cn.jiyuan.decisionreview.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A rectification item of the decision's previous evaluation, as the next evaluation shows it in 确定评估方式 and
 * the report's 一、基本情况 (Art. 16): what was recommended, who was to do it, and where it stands.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PreviousRectification(int no, String text, String unitName, String kindLabel, String dueDate,
    String status, String statusLabel, String unitStatusLabel, String measures) {}
