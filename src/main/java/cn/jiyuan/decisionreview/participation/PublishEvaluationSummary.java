package cn.jiyuan.decisionreview.participation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${publishEvaluationSummary}}, the end listener of 记入审定决定: publishes the summary the authority chose to
 * publish, in the engine's transaction. Not named {@code publishSummary}: expressions resolve process variables
 * before beans, and that is the authority's checkbox.
 */
@Component("publishEvaluationSummary")
public class PublishEvaluationSummary implements ExecutionListener {

  private final PublishedSummaries summaries;

  public PublishEvaluationSummary(PublishedSummaries summaries) {
    this.summaries = summaries;
  }

  @Override
  public void notify(DelegateExecution execution) {
    summaries.publishFrom(execution);
  }
}
