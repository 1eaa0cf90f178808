package cn.jiyuan.decisionreview.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;

/** The FEEL engine answers as Camunda's stock one, and parses each text once. */
class ParseOnceFeelEngineTest {

  private final FeelEngine engine = ParseOnceFeelEngine.factory(List.of()).createInstance();

  @Test
  void unaryTestsAndExpressionsAnswerAsTheStockEngine() {
    FeelEngine stock = new ScalaFeelEngine(List.of());
    for (String category : List.of("PLAN", "POLICY", "REFORM", "OTHER")) {
      VariableContext input = Variables.createVariables().putValue("cellInput", category).asVariableContext();
      for (String test : List.of("\"PLAN\",\"POLICY\"", "not(\"REFORM\")", "-")) {
        assertThat(engine.evaluateSimpleUnaryTests(test, "cellInput", input)).as("%s for %s", test, category)
            .isEqualTo(stock.evaluateSimpleUnaryTests(test, "cellInput", input));
      }
    }
    VariableContext term = Variables.createVariables().putValue("termMonths", 25).asVariableContext();
    Object half = engine.evaluateSimpleExpression("floor(termMonths / 2)", term);
    assertThat(half).isEqualTo(stock.evaluateSimpleExpression("floor(termMonths / 2)", term));
    assertThat(((Number) half).intValue()).isEqualTo(12);
    VariableContext months = Variables.createVariables().putValue("cellInput", 60).asVariableContext();
    assertThat(engine.evaluateSimpleUnaryTests(">= 60", "cellInput", months)).isTrue();
    assertThat(engine.evaluateSimpleUnaryTests("< 60", "cellInput", months)).isFalse();
  }

  @Test
  void eachTextIsParsedOnceAndAFailureIsNotKept() throws Exception {
    ParseOnceFeelEngine.Parsing feel = parsing(engine);
    VariableContext input = Variables.createVariables().putValue("cellInput", "PLAN").asVariableContext();
    engine.evaluateSimpleUnaryTests("\"PLAN\"", "cellInput", input);
    int afterFirst = feel.size();
    engine.evaluateSimpleUnaryTests("\"PLAN\"", "cellInput", input);
    assertThat(feel.size()).isEqualTo(afterFirst).isPositive();
    assertThat(feel.parseUnaryTests("\"PLAN\"")).isSameAs(feel.parseUnaryTests("\"PLAN\""));

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> engine.evaluateSimpleUnaryTests(">= >=", "cellInput", input))
          .isInstanceOf(FeelException.class);
    }
    assertThat(feel.size()).isEqualTo(afterFirst);
  }

  /** The feel-scala engine inside Camunda's wrapper (a protected field). */
  static ParseOnceFeelEngine.Parsing parsing(FeelEngine camundaEngine) throws ReflectiveOperationException {
    Field field = ScalaFeelEngine.class.getDeclaredField("feelEngine");
    field.setAccessible(true);
    return (ParseOnceFeelEngine.Parsing) field.get(camundaEngine);
  }
}
