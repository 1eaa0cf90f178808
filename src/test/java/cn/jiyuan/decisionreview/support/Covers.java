package cn.jiyuan.decisionreview.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The articles a test proves, for tests whose name does not say it ({@code article20CountsWholeMonths} does):
 * {@code 第二十四条}, {@code 条例第三十六条}. On a class it stands for all its tests. Read by
 * {@code traceability/TraceabilityTest}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Covers {
  String[] value();
}
