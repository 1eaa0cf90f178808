package cn.jiyuan.decisionreview.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An expert the commissioned agency engages, in {@code externalExperts} (Art. 21, 22). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExternalExpert(String name, String organisation, String field) {}
