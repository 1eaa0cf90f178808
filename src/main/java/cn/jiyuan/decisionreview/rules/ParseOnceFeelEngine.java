package cn.jiyuan.decisionreview.rules;

import camundajar.impl.scala.util.Either;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.CustomFunctionTransformer;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.feel.FeelEngine;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.camunda.feel.valuemapper.ValueMapper;
import org.springframework.stereotype.Component;

/**
 * Camunda's FEEL engine for the DMN tables, parsing each expression once. The stock engine parses an input entry's
 * text on every evaluation, which after feel-scala's root-context fix (see pom.xml) was most of a table's time: the
 * registration's evaluationSchedule and every task's taskDeadline. A parsed expression is an immutable syntax tree
 * that depends on its text alone, so it is kept by text; evaluation, value mapping, custom functions and errors stay
 * the stock engine's ({@link ScalaFeelEngine} with the same builder settings). Expressions that fail to parse are
 * not kept, so their error is raised again each time.
 */
@Component
public class ParseOnceFeelEngine extends AbstractProcessEnginePlugin {

  /** More distinct texts than every deployed table holds: then the cache starts over rather than grow. */
  static final int MAX_EXPRESSIONS = 10_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      return; // the legacy Java FEEL engine has a cache of its own
    }
    DmnEngineConfigurations.of(configuration)
        .setFeelEngineFactory(factory(configuration.getDmnFeelCustomFunctionProviders()));
  }

  static FeelEngineFactory factory(List<FeelCustomFunctionProvider> customFunctions) {
    return () -> new ScalaFeelEngine(customFunctions) {
      @Override
      protected FeelEngine buildFeelEngine(CustomFunctionTransformer functions,
          ValueMapper.CompositeValueMapper valueMapper) {
        return new Parsing(functions, valueMapper);
      }
    };
  }

  /** feel-scala's engine as {@code FeelEngine.Builder} makes it for Camunda, with its two parse steps kept. */
  static final class Parsing extends FeelEngine {
    private final Map<String, Either<Failure, ParsedExpression>> expressions = new ConcurrentHashMap<>();
    private final Map<String, Either<Failure, ParsedExpression>> unaryTests = new ConcurrentHashMap<>();

    Parsing(FunctionProvider functions, ValueMapper valueMapper) {
      // Camunda's builder: its function provider and value mapper, external (Java) functions off, the default clock
      super(functions, valueMapper, new Configuration(false), FeelEngine.defaultClock());
    }

    @Override
    public Either<Failure, ParsedExpression> parseExpression(String expression) {
      return kept(expressions, expression, super::parseExpression);
    }

    @Override
    public Either<Failure, ParsedExpression> parseUnaryTests(String expression) {
      return kept(unaryTests, expression, super::parseUnaryTests);
    }

    int size() {
      return expressions.size() + unaryTests.size();
    }

    private static Either<Failure, ParsedExpression> kept(Map<String, Either<Failure, ParsedExpression>> cache,
        String text, Function<String, Either<Failure, ParsedExpression>> parse) {
      Either<Failure, ParsedExpression> parsed = cache.get(text);
      if (parsed != null) {
        return parsed;
      }
      parsed = parse.apply(text);
      if (parsed.isRight()) {
        if (cache.size() >= MAX_EXPRESSIONS) {
          cache.clear();
        }
        cache.put(text, parsed);
      }
      return parsed;
    }
  }
}
