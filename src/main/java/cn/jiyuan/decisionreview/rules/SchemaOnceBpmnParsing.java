package cn.jiyuan.decisionreview.rules;

import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.DefaultBpmnParseFactory;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * BPMN files validated against the BPMN 2.0 schema compiled once, not once per file. The engine's BPMN parse gives
 * each new SAX parser the schema's location as a JAXP schema source, so every file compiles BPMN20.xsd and the files
 * it includes again. Here the deployer's parser reads with a factory that holds the same schema compiled once: the
 * same validator and grammar, so errors and warnings are as before. Everything else of the parse (listeners,
 * expression manager, XXE settings) is the stock parser's.
 */
@Component
public class SchemaOnceBpmnParsing extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration.getBpmnParseFactory() instanceof DefaultBpmnParseFactory)) {
      return; // someone else makes the parses: leave them theirs
    }
    configuration.getDeployers().stream()
        .filter(BpmnDeployer.class::isInstance)
        .map(BpmnDeployer.class::cast)
        .forEach(deployer -> deployer.setBpmnParser(new Parser(deployer.getBpmnParser())));
  }

  static final class Parser extends BpmnParser {
    // a SAXParserFactory is not thread-safe; the stock parser keeps one per thread as well
    private static final ThreadLocal<SAXParserFactory> FACTORY = ThreadLocal.withInitial(() -> {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false); // with a Schema, validating=true would ask for a DTD as well
      try {
        factory.setFeature("http://xml.org/sax/features/namespace-prefixes", true);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      factory.setSchema(ModelSchemas.bpmn());
      return factory;
    });

    /** The stock parser's expression manager and parse listeners (the engine's and the application's). */
    Parser(BpmnParser stock) {
      super(stock.getExpressionManager(), new DefaultBpmnParseFactory());
      setParseListeners(stock.getParseListeners());
    }

    @Override
    public BpmnParse createParse() {
      return new BpmnParse(this) {
        @Override
        public void setSchemaResource(String schemaResource) {
          // validated by the factory's compiled schema; a schema source as well is refused by JAXP
        }
      };
    }

    @Override
    protected SAXParser getSaxParser() throws Exception {
      SAXParserFactory factory = FACTORY.get();
      setXxeProcessing(factory);
      return factory.newSAXParser();
    }
  }
}
