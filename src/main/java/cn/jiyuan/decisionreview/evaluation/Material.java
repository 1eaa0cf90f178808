package cn.jiyuan.decisionreview.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One file of the executing unit's materials in {@code materials} (Art. 5), as the analysis form lists it.
 *
 * @param sizeText the size as people read it, e.g. "12 KB"
 * @param uploadedAt the instant, ISO 8601
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Material(String id, String fileName, long size, String sizeText, String uploadedBy, String uploadedByName,
    String uploadedAt, String url) {}
