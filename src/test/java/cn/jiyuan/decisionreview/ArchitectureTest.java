package cn.jiyuan.decisionreview;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * The package map of README “How it is built”: features depend on each other without cycles, and the code behind
 * the beans a BPMN names (delegates and listeners) reaches another feature only through that feature's Spring
 * services or its plain data (records, enums), never its internals; the shared package and the form rules are
 * open to all.
 */
class ArchitectureTest {

  private static final String ROOT = "cn.jiyuan.decisionreview";
  private static final List<Class<?>> STEP_TYPES = List.of(JavaDelegate.class, TaskListener.class,
      ExecutionListener.class);
  /** What every feature may use: the shared package, and the form rules (values, refusals) every step applies. */
  private static final List<String> SHARED = List.of("shared", "form");
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void featuresAreFreeOfCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void stepCodeReachesOtherFeaturesOnlyThroughTheirServicesOrData() {
    ArchRuleDefinition.classes().that(new com.tngtech.archunit.base.DescribedPredicate<>("provide step beans") {
      @Override
      public boolean test(JavaClass item) {
        return providesStepBeans(item);
      }
    }).should(new ArchCondition<>("reach other features only through their services or data") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          String feature = feature(target.getPackageName());
          if (feature == null || feature.equals(feature(item.getPackageName())) || SHARED.contains(feature)
              || isServiceOrData(target)) {
            continue;
          }
          events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
        }
      }
    }).check(classes);
  }

  @Test
  void theStepRuleSeesTheStepBeans() {
    // a rule over no classes proves nothing: the evaluation and tracking steps must be among those it checks
    assertThatStepProvidersInclude("evaluation", "tracking");
  }

  private static void assertThatStepProvidersInclude(String... features) {
    List<String> found = classes.stream().filter(ArchitectureTest::providesStepBeans)
        .map(c -> feature(c.getPackageName())).distinct().toList();
    org.assertj.core.api.Assertions.assertThat(found).contains(features);
  }

  private static boolean providesStepBeans(JavaClass item) {
    if (STEP_TYPES.stream().anyMatch(item::isAssignableTo)) {
      return true;
    }
    for (JavaMethod method : item.getMethods()) {
      if (STEP_TYPES.stream().anyMatch(type -> method.getRawReturnType().isAssignableTo(type))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isServiceOrData(JavaClass target) {
    JavaClass outer = target.getEnclosingClass().orElse(target);
    return target.isRecord() || target.isEnum() || isVariableContract(outer) || outer.isAnnotatedWith(Component.class)
        || outer.isAnnotatedWith(Service.class) || outer.isAnnotatedWith(Repository.class)
        || outer.isMetaAnnotatedWith(Component.class);
  }

  /**
   * A process's variable contract (its {@code *Variables} class of {@code ProcessVariable} constants) is data: a step
   * of another feature that runs in that process reads and writes its variables through it, not by literal names.
   */
  private static boolean isVariableContract(JavaClass type) {
    return type.getSimpleName().endsWith("Variables") && type.getFields().stream()
        .anyMatch(f -> f.getRawType().isEquivalentTo(cn.jiyuan.decisionreview.shared.ProcessVariable.class));
  }

  /** The feature a package belongs to ({@code tracking}, {@code evaluation}, …), or null outside the project. */
  private static String feature(String packageName) {
    if (!packageName.startsWith(ROOT + ".")) {
      return null;
    }
    String rest = packageName.substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
