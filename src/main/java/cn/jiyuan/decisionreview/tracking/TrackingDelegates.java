package cn.jiyuan.decisionreview.tracking;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The thin delegates and listeners of decision-tracking; each names one step of {@link TrackingService}. */
@Configuration
public class TrackingDelegates {

  @Bean
  ExecutionListener trackingRegistration(TrackingService tracking) {
    return tracking::register;
  }

  @Bean
  ExecutionListener trackingSchedule(TrackingService tracking) {
    return tracking::applySchedule;
  }

  @Bean
  ExecutionListener scheduledEvaluationDue(TrackingService tracking) {
    return tracking::scheduledEvaluationDue;
  }

  @Bean
  ExecutionListener evaluationRequested(TrackingService tracking) {
    return tracking::evaluationRequested;
  }

  @Bean
  ExecutionListener exemptionInputs(TrackingService tracking) {
    return tracking::prepareExemption;
  }

  @Bean
  JavaDelegate waiverRecord(TrackingService tracking) {
    return tracking::recordWaiver;
  }

  @Bean
  ExecutionListener evaluationStarting(TrackingService tracking) {
    return tracking::evaluationStarting;
  }

  @Bean
  JavaDelegate evaluationResult(TrackingService tracking) {
    return tracking::recordResult;
  }

  @Bean
  ExecutionListener trackingResumed(TrackingService tracking) {
    return tracking::resumed;
  }

  @Bean
  JavaDelegate requestMerge(TrackingService tracking) {
    return tracking::requestMerged;
  }

  @Bean
  ExecutionListener requestStart(EvaluationRequests requests) {
    return requests::start;
  }

  @Bean
  ExecutionListener requestDecided(EvaluationRequests requests) {
    return requests::decided;
  }

  @Bean
  JavaDelegate requestDelivery(EvaluationRequests requests) {
    return requests::deliver;
  }

  @Bean
  JavaDelegate halfProgress(TrackingService tracking) {
    return tracking::halfProgressReported;
  }
}
