package cn.jiyuan.decisionreview.support;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Runs the test classes that share a Spring test context one after another. Only one context is kept at a time
 * (spring.properties) and each boots with its own database, so every switch between configurations costs a whole
 * application start; in name order the suite would switch back and forth. Classes whose configuration differs from
 * the plain {@link IntegrationTest} (own properties, imports, dynamic properties, inherited or declared) are grouped
 * by the class that declares the difference; within a group browser tests come first, then name order. Set in
 * junit-platform.properties.
 */
public class SameContextTogether implements ClassOrderer {

  @Override
  public void orderClasses(ClassOrdererContext context) {
    context.getClassDescriptors().sort(Comparator.comparing((ClassDescriptor d) -> configurationOwner(d.getTestClass()))
        .thenComparing(d -> !isBrowserTest(d.getTestClass()))
        .thenComparing(d -> d.getTestClass().getName()));
  }

  /**
   * Browser tests find their task in a Tasklist filter as a person does, among the tasks Tasklist loads first; they run
   * first in their context, before the other tests have filled its database with tasks of the same users.
   */
  static boolean isBrowserTest(Class<?> testClass) {
    return testClass.getSimpleName().endsWith("BrowserIT");
  }

  /** The class whose annotations make the context differ from the default one; "" for the default context. */
  static String configurationOwner(Class<?> testClass) {
    for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
      if (c.isAnnotationPresent(TestPropertySource.class) || c.isAnnotationPresent(Import.class)
          || Arrays.stream(c.getDeclaredMethods()).anyMatch(SameContextTogether::dynamicProperties)) {
        return c.getName();
      }
    }
    return "";
  }

  private static boolean dynamicProperties(Method method) {
    return method.isAnnotationPresent(DynamicPropertySource.class);
  }
}
