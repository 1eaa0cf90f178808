package cn.jiyuan.decisionreview.participation;

import cn.jiyuan.decisionreview.shared.MachineStep;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** 汇总问卷结果 ({@code Task_AggregateSurvey} of post-evaluation), after 网上问卷征集 has ended. */
@Component("aggregateSurvey")
public class AggregateSurveyDelegate implements JavaDelegate {

  private final SurveyClosing closing;

  public AggregateSurveyDelegate(SurveyClosing closing) {
    this.closing = closing;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    MachineStep.failingWith("汇总网上问卷结果失败", closing::closeAndAggregate).execute(execution);
  }
}
