package cn.jiyuan.decisionreview.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.util.ReflectUtil;
import org.camunda.bpm.model.dmn.impl.DmnParser;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.bpm.model.xml.impl.parser.AbstractModelParser;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The BPMN and DMN files are validated against schemas compiled once, with the same outcome as the stock parsers:
 * the contract models read the same, and a file against the schema is refused with the same error.
 */
class SchemaOnceParsingTest {

  /** A DMN 1.3 table whose rule has no input entry for its one input: against the schema (minOccurs). */
  public static final String DMN_AGAINST_THE_SCHEMA = """
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn"
          id="d" name="d" namespace="x">
        <decision id="broken" name="broken" camunda:historyTimeToLive="P10958D">
          <decisionTable id="t">
            <input id="i"><inputExpression id="e" typeRef="string"><text>a</text></inputExpression></input>
            <output id="o" name="out" typeRef="string"/>
            <rule id="r"><unknownEntry/></rule>
          </decisionTable>
        </decision>
      </definitions>""";

  /** A BPMN process whose start event has an id that is not an XML name, against the schema (xsd:ID). */
  public static final String BPMN_AGAINST_THE_SCHEMA = """
      <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
          id="d" targetNamespace="x">
        <process id="p" isExecutable="true" camunda:historyTimeToLive="P10958D"><startEvent id="1start"/></process>
      </definitions>""";

  private static List<Path> files(String dir, String suffix) throws IOException {
    try (Stream<Path> files = Files.list(Path.of(dir))) {
      return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static DmnEngine dmnEngine(boolean schemaOnce) {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    if (schemaOnce) {
      configuration.setTransformer(new SchemaOnceDmnParsing.Transformer());
    }
    return configuration.buildEngine();
  }

  private static String shape(DmnDecisionRequirementsGraph graph) {
    StringBuilder shape = new StringBuilder(graph.getKey() + " " + graph.getName());
    for (DmnDecision decision : graph.getDecisions().stream()
        .sorted(java.util.Comparator.comparing(DmnDecision::getKey)).toList()) {
      shape.append("\n").append(decision.getKey()).append(" ").append(decision.getName());
      if (decision.getDecisionLogic() instanceof DmnDecisionTableImpl table) {
        shape.append(" ").append(table.getHitPolicyHandler()).append(" inputs ").append(table.getInputs().size())
            .append(" outputs ").append(table.getOutputs().size()).append(" rules ").append(table.getRules().size());
        table.getInputs().forEach(input -> shape.append(" ").append(input.getExpression().getExpression()));
        table.getRules().forEach(rule -> rule.getConditions().forEach(c -> shape.append(" ").append(c.getExpression())));
      }
    }
    return shape.toString();
  }

  @Test
  void theContractTablesReadAsWithTheStockParser() throws IOException {
    DmnEngine stock = dmnEngine(false);
    DmnEngine schemaOnce = dmnEngine(true);
    List<Path> tables = files("dmn", ".dmn");
    assertThat(tables).hasSize(6);
    for (Path table : tables) {
      try (InputStream a = Files.newInputStream(table); InputStream b = Files.newInputStream(table)) {
        assertThat(shape(schemaOnce.parseDecisionRequirementsGraph(a))).as(table.toString())
            .isEqualTo(shape(stock.parseDecisionRequirementsGraph(b)));
      }
    }
  }

  @Test
  void aTableAgainstTheSchemaIsRefusedWithTheStockError() throws ReflectiveOperationException {
    byte[] broken = DMN_AGAINST_THE_SCHEMA.getBytes(StandardCharsets.UTF_8);
    // the document builders validate against the compiled schemas, not against a schema source compiled each time
    DocumentBuilderFactory factory = documentBuilderFactory(SchemaOnceDmnParsing.Parser.INSTANCE);
    assertThat(factory.getSchema()).isNotNull();
    assertThat(factory.isValidating()).isFalse();
    assertThat(documentBuilderFactory(new DmnParser()).getSchema()).as("the stock parser").isNull();
    // and they do validate: the parser alone refuses the file
    assertThatThrownBy(() -> SchemaOnceDmnParsing.Parser.INSTANCE.parseModelFromStream(new ByteArrayInputStream(broken)))
        .isInstanceOf(ModelException.class);
    Throwable stockError = catchThrowable(() -> dmnEngine(false).parseDecisions(new ByteArrayInputStream(broken)));
    Throwable error = catchThrowable(() -> dmnEngine(true).parseDecisions(new ByteArrayInputStream(broken)));
    assertThat(stockError).isInstanceOf(DmnTransformException.class);
    assertThat(error).isInstanceOf(DmnTransformException.class).hasMessage(stockError.getMessage());
    assertThat(error.getCause()).hasMessage(stockError.getCause().getMessage());
  }

  /** The model API parser's document builder factory (a private field). */
  private static DocumentBuilderFactory documentBuilderFactory(AbstractModelParser parser)
      throws ReflectiveOperationException {
    Field field = AbstractModelParser.class.getDeclaredField("documentBuilderFactory");
    field.setAccessible(true);
    return (DocumentBuilderFactory) field.get(parser);
  }

  private static Throwable catchThrowable(Runnable call) {
    return org.assertj.core.api.Assertions.catchThrowable(call::run);
  }

  /** Parses with SAX and returns every validation error's message. */
  private static List<String> errors(SAXParser parser, byte[] file) throws Exception {
    List<String> errors = new ArrayList<>();
    parser.parse(new ByteArrayInputStream(file), new DefaultHandler() {
      @Override
      public void error(SAXParseException e) {
        errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
      }
    });
    return errors;
  }

  /** The engine's way: a validating factory, and the schema's location set on each new parser. */
  private static SAXParser stockBpmnParser() throws Exception {
    SAXParserFactory factory = SAXParserFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setValidating(true);
    factory.setFeature("http://xml.org/sax/features/namespace-prefixes", true);
    SAXParser parser = factory.newSAXParser();
    parser.setProperty(SchemaOnceDmnParsing.JAXP_SCHEMA_LANGUAGE, XMLConstants.W3C_XML_SCHEMA_NS_URI);
    parser.setProperty(SchemaOnceDmnParsing.JAXP_SCHEMA_SOURCE,
        ReflectUtil.getResourceUrlAsString(BpmnParser.BPMN_20_SCHEMA_LOCATION));
    return parser;
  }

  @Test
  void theProcessesValidateAsWithTheStockParserAndAnErrorIsTheSame() throws Exception {
    SchemaOnceBpmnParsing.Parser schemaOnce =
        new SchemaOnceBpmnParsing.Parser(new BpmnParser(null, new DefaultBpmnParseFactory()));
    List<Path> processes = files("processes", ".bpmn");
    assertThat(processes).hasSizeGreaterThanOrEqualTo(7);
    for (Path process : processes) {
      byte[] file = Files.readAllBytes(process);
      assertThat(errors(schemaOnce.getSaxParser(), file)).as(process.toString())
          .isEqualTo(errors(stockBpmnParser(), file)).isEmpty();
    }
    byte[] broken = BPMN_AGAINST_THE_SCHEMA.getBytes(StandardCharsets.UTF_8);
    List<String> stock = errors(stockBpmnParser(), broken);
    assertThat(stock).isNotEmpty();
    assertThat(errors(schemaOnce.getSaxParser(), broken)).isEqualTo(stock);
  }
}
