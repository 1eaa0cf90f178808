package cn.jiyuan.decisionreview.shared;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One option of a Camunda Form select ({@code valuesKey}): what form-js reads as {@code {label, value}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SelectOption(String label, String value) {}
