package cn.jiyuan.decisionreview.rules;

import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.DMN_11_ALTERNATIVE_SCHEMA_LOCATION;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.DMN_11_SCHEMA_LOCATION;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.DMN_12_SCHEMA_LOCATION;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.DMN_13_SCHEMA_LOCATION;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.DMN_14_SCHEMA_LOCATION;
import static org.camunda.bpm.model.dmn.impl.DmnModelConstants.DMN_15_SCHEMA_LOCATION;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.model.dmn.impl.DmnParser;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The BPMN 2.0 schema the engine validates processes against and the DMN 1.1–1.5 schemas the model API validates
 * tables against, each compiled once (see {@link SchemaOnceBpmnParsing}, {@link SchemaOnceDmnParsing}); and the
 * model check's reading of a file against them, with the validator's own Chinese messages.
 */
final class ModelSchemas {

  /** DMN's schema files, in the order the model API's DMN parser hands them to its document builders. */
  static final List<String> DMN_LOCATIONS = List.of(DMN_15_SCHEMA_LOCATION, DMN_14_SCHEMA_LOCATION,
      DMN_13_SCHEMA_LOCATION, DMN_12_SCHEMA_LOCATION, DMN_11_SCHEMA_LOCATION, DMN_11_ALTERNATIVE_SCHEMA_LOCATION);

  /** A file against its schema is refused with at most this many of its problems: the first ones lead to the rest. */
  static final int MAX_PROBLEMS = 3;

  static final String XERCES_LOCALE = "http://apache.org/xml/properties/locale";

  private ModelSchemas() {
  }

  static Schema bpmn() {
    return Bpmn.SCHEMA;
  }

  static Schema dmn() {
    return Dmn.SCHEMA;
  }

  /** The DMN schema files as the model API's parser names them (URLs of its class loader). */
  static List<String> dmnUrls() {
    ClassLoader loader = DmnParser.class.getClassLoader();
    return DMN_LOCATIONS.stream().map(location -> loader.getResource(location).toString()).toList();
  }

  private static final class Bpmn {
    static final Schema SCHEMA = compile(List.of(
        BpmnParser.class.getClassLoader().getResource(BpmnParser.BPMN_20_SCHEMA_LOCATION).toString()));
  }

  private static final class Dmn {
    static final Schema SCHEMA = compile(dmnUrls());
  }

  static Schema compile(List<String> urls) {
    Source[] sources = urls.stream().map(StreamSource::new).toArray(Source[]::new);
    try {
      return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(sources);
    } catch (SAXException e) {
      throw new IllegalStateException("schemas could not be compiled: " + urls, e);
    }
  }

  /**
   * Where a well-formed file breaks the schema, as "第 L 行第 C 列：…" with the validator's Chinese message; empty when
   * it keeps to it. Nothing is fetched: the file's own schema hints and DTDs are not followed.
   */
  static List<String> problems(Schema schema, byte[] file) {
    List<String> problems = new ArrayList<>();
    Validator validator = schema.newValidator();
    try {
      validator.setProperty(XERCES_LOCALE, Locale.SIMPLIFIED_CHINESE);
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXException e) {
      throw new IllegalStateException(e);
    }
    validator.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {
      }

      @Override
      public void error(SAXParseException e) {
        if (problems.size() < MAX_PROBLEMS) {
          problems.add("第 " + e.getLineNumber() + " 行第 " + e.getColumnNumber() + " 列：" + e.getMessage());
        }
      }

      @Override
      public void fatalError(SAXParseException e) throws SAXException {
        error(e);
        throw e;
      }
    });
    try {
      validator.validate(new StreamSource(new ByteArrayInputStream(file)));
    } catch (SAXException | IOException e) {
      if (problems.isEmpty()) {
        problems.add(e.getMessage());
      }
    }
    return problems;
  }
}
