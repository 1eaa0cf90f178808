package cn.jiyuan.decisionreview.rules;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransform;
import org.camunda.bpm.dmn.engine.impl.spi.transform.DmnTransformer;
import org.camunda.bpm.dmn.engine.impl.transform.DefaultDmnTransform;
import org.camunda.bpm.dmn.engine.impl.transform.DefaultDmnTransformer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.impl.DmnParser;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * DMN files validated while they are read against the DMN schemas compiled once, not once per file. The model API's
 * DMN parser hands the schemas of DMN 1.1 to 1.5 to its document builder factory as a JAXP schema source, so every
 * document builder, one per file, compiles all five again: at start-up that is most of the time the six contract
 * tables take to deploy, and it is paid again by every table an analyst deploys from Modeler. Here the factory gets
 * the same schema files compiled once into a {@link javax.xml.validation.Schema}: the same validator with the same grammars checks the
 * same documents, so default attributes, errors and the model API's own validation afterwards are as before. A file
 * this parser refuses is handed to the stock transform, so a broken table fails with the stock error.
 */
@Component
public class SchemaOnceDmnParsing extends AbstractProcessEnginePlugin {

  static final String JAXP_SCHEMA_LANGUAGE = "http://java.sun.com/xml/jaxp/properties/schemaLanguage";
  static final String JAXP_SCHEMA_SOURCE = "http://java.sun.com/xml/jaxp/properties/schemaSource";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = DmnEngineConfigurations.of(configuration);
    dmn.setTransformer(new Transformer());
  }

  /** The stock transformer (handlers, listeners, data types, hit policies), with transforms that read as above. */
  static final class Transformer extends DefaultDmnTransformer {
    @Override
    public DmnTransform createTransform() {
      return new Transform(this);
    }
  }

  static final class Transform extends DefaultDmnTransform {
    Transform(DmnTransformer transformer) {
      super(transformer);
    }

    @Override
    public void setModelInstance(InputStream inputStream) {
      if (inputStream == null) {
        super.setModelInstance(inputStream); // the stock check and its error
        return;
      }
      byte[] bytes;
      try {
        bytes = inputStream.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        setModelInstance((DmnModelInstance) Parser.INSTANCE.parseModelFromStream(new ByteArrayInputStream(bytes)));
      } catch (ModelException refused) {
        super.setModelInstance(new ByteArrayInputStream(bytes));
      }
    }
  }

  /** The model API's DMN parser, its factory validating against the compiled schemas instead of the schema source. */
  static final class Parser extends DmnParser {
    static final Parser INSTANCE = new Parser();

    @Override
    protected void configureFactory(DocumentBuilderFactory factory) {
      super.configureFactory(factory);
      Object sources = factory.getAttribute(JAXP_SCHEMA_SOURCE);
      if (!(sources instanceof String[] urls) || !List.of(urls).equals(ModelSchemas.dmnUrls())) {
        return; // not the schema files this was written for: leave the parser as it is
      }
      factory.setAttribute(JAXP_SCHEMA_SOURCE, null); // null removes an attribute, and JAXP forbids both ways at once
      factory.setAttribute(JAXP_SCHEMA_LANGUAGE, null);
      factory.setValidating(false); // with a Schema, validating=true would ask for a DTD as well
      factory.setSchema(ModelSchemas.dmn());
    }
  }
}
