package cn.jiyuan.decisionreview.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The articles a class carries out where no model element can (an API, a scheduled job, a security rule):
 * {@code 第二十四条} of the Measures, {@code 条例第四十条} of Decree 713. {@code docs/traceability.md} lists them beside
 * the BPMN, DMN and form elements that cite articles in their documentation.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CarriesOut {
  String[] value();
}
