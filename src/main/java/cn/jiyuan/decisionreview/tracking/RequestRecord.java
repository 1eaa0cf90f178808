package cn.jiyuan.decisionreview.tracking;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;

/** One evaluation request in the tracking's {@code requestHistory} (Art. 8, 18), with what became of it. */
@JsonIgnoreProperties(ignoreUnknown = true) // entries written by earlier versions keep their extra keys
public record RequestRecord(String requestReason, String legalBasis, boolean urgent, @JsonAlias("requestDescription") String description,
    String requestedBy, LocalDate date, Handling handling) {

  /** STARTED an evaluation, MERGED into the running one (or noted while suspended), or RECORDED for later. */
  public enum Handling {
    STARTED, MERGED, RECORDED
  }

  public static RequestRecord of(EvaluationRequest request, LocalDate date, Handling handling) {
    return new RequestRecord(request.requestReason(), request.legalBasis(), Boolean.TRUE.equals(request.urgent()),
        request.requestDescription(), request.requestedBy(), date, handling);
  }
}
