package cn.jiyuan.decisionreview.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.StringValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.Test;

class ProcessVariableTest {

  enum Status { TRACKING, EVALUATING }

  record Scheduled(String evaluationType, LocalDate dueDate) {}

  @Test
  void datesAndEnumsAreStoredAsTheTextDesignSpecifies() {
    TypedValue date = ProcessVariable.date("implementationStart").typed(LocalDate.of(2026, 3, 1));
    assertThat(date).isInstanceOf(StringValue.class);
    assertThat(date.getValue()).isEqualTo("2026-03-01");
    assertThat(ProcessVariable.enumerated("trackingStatus", Status.class).typed(Status.EVALUATING).getValue())
        .isEqualTo("EVALUATING");
    assertThat(ProcessVariable.enumerated("trackingStatus", Status.class).from(Map.of("trackingStatus", "TRACKING")))
        .isEqualTo(Status.TRACKING);
  }

  @Test
  void recordListsRoundTripThroughJson() {
    ProcessVariable<List<Scheduled>> schedule = ProcessVariable.jsonList("scheduledEvaluations", Scheduled.class);
    List<Scheduled> value = List.of(new Scheduled("EXECUTION", LocalDate.of(2027, 1, 1)));
    TypedValue stored = schedule.typed(value);
    assertThat(stored.getType().getName()).isEqualTo("json");
    assertThat(stored.getValue().toString()).isEqualTo("[{\"evaluationType\":\"EXECUTION\",\"dueDate\":\"2027-01-01\"}]");
    assertThat(schedule.from(Map.of("scheduledEvaluations", stored.getValue()))).isEqualTo(value);
    // a list the engine or a test handed over as plain maps reads the same
    assertThat(schedule.from(Map.of("scheduledEvaluations",
        List.of(Map.of("evaluationType", "EXECUTION", "dueDate", "2027-01-01"))))).isEqualTo(value);
  }

  @Test
  void missingValuesAreNullAndUnreadableOnesSayWhichVariable() {
    assertThat(ProcessVariable.text("decisionTitle").from(Map.of())).isNull();
    assertThat(ProcessVariable.wholeNumber("publicOpinionCount").from(Map.of("publicOpinionCount", 25))).isEqualTo(25L);
    assertThat(ProcessVariable.bool("broadImpact").typed(true)).isEqualTo(Variables.booleanValue(true));
    assertThatThrownBy(() -> ProcessVariable.json("agencyCheck", Scheduled.class).from(Map.of("agencyCheck", "{oops")))
        .hasMessageContaining("流程变量“agencyCheck”");
  }

  @Test
  void setIfChangedWritesOnlyAValueThatDiffersFromWhatIsStored() {
    org.camunda.bpm.engine.delegate.VariableScope scope = org.mockito.Mockito.mock(
        org.camunda.bpm.engine.delegate.VariableScope.class);
    ProcessVariable<LocalDate> start = ProcessVariable.date("implementationStart");
    ProcessVariable<String> end = ProcessVariable.text("implementationEnd");
    ProcessVariable<Boolean> broad = ProcessVariable.bool("broadImpact");
    org.mockito.Mockito.when(scope.getVariableTyped("implementationStart")).thenReturn(Variables.stringValue("2026-03-01"));
    org.mockito.Mockito.when(scope.getVariableTyped("broadImpact")).thenReturn(Variables.stringValue("false"));

    start.setIfChanged(scope, LocalDate.of(2026, 3, 1)); // stored as it would be written: left alone
    end.setIfChanged(scope, null); // absent and nothing to store: left absent
    broad.setIfChanged(scope, false); // the text "false" becomes a boolean
    start.setIfChanged(scope, LocalDate.of(2026, 4, 1));

    org.mockito.Mockito.verify(scope).setVariable("broadImpact", Variables.booleanValue(false));
    org.mockito.Mockito.verify(scope).setVariable("implementationStart", Variables.stringValue("2026-04-01"));
    org.mockito.Mockito.verify(scope, org.mockito.Mockito.never()).setVariable(org.mockito.ArgumentMatchers.eq(
        "implementationEnd"), org.mockito.ArgumentMatchers.any(Object.class));
    org.mockito.Mockito.verify(scope, org.mockito.Mockito.times(1)).setVariable(org.mockito.ArgumentMatchers.eq(
        "implementationStart"), org.mockito.ArgumentMatchers.any(Object.class));
  }
}
