package cn.jiyuan.decisionreview.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * One expert's opinion in {@code expertOpinions} (Art. 13(2), Decree 713 Art. 38), dissent included.
 *
 * @param expert the expert's user id
 * @param conclusionLabel the conclusion as the finalize-report form shows it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExpertOpinion(String expert, String expertName, String conclusion, String conclusionLabel, String opinion,
    String dissentReason, LocalDate date) {}
