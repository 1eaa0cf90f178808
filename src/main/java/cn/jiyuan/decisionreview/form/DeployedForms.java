package cn.jiyuan.decisionreview.form;

import cn.jiyuan.decisionreview.config.WebConfiguration;
import cn.jiyuan.decisionreview.form.DeclaredForm.Field;
import cn.jiyuan.decisionreview.form.DeclaredForm.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.cmd.GetDeploymentResourceCmd;
import org.camunda.bpm.engine.impl.cmd.GetStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Finds the form a task or start event shows — the deployed Camunda Form of its {@code camunda:formRef}, a
 * {@code camunda-forms:deployment:} / {@code embedded:deployment:} resource, or the embedded HTML form this
 * application serves at {@code /forms/} — and reads what it declares. Deployment resources never change and the
 * served forms are fixed while the application runs, so each is read once (cached per form definition, per
 * deployment resource, per served path). A form that cannot be found declares nothing: nothing can be submitted.
 */
@Component
public class DeployedForms {

  private static final Logger LOG = LoggerFactory.getLogger(DeployedForms.class);
  private static final String EMBEDDED = "embedded:";
  private static final String CAMUNDA_FORMS = "camunda-forms:";
  private static final String DEPLOYMENT = "deployment:";

  private final ResourceLoader resources;
  private final Map<String, DeclaredForm> cache = new ConcurrentHashMap<>();

  public DeployedForms(ResourceLoader resources) {
    this.resources = resources;
  }

  /** The form of a task, inside the running command. A task without a process (standalone) has none. */
  public DeclaredForm ofTask(CommandContext context, TaskEntity task) {
    if (task.getTaskDefinition() == null) {
      return DeclaredForm.NONE;
    }
    return resolve(context, context.runWithoutAuthorization(new GetTaskFormCmd(task.getId())));
  }

  /** The start form of a process definition, inside the running command. */
  public DeclaredForm ofStart(CommandContext context, ProcessDefinitionEntity definition) {
    FormData data;
    try {
      data = context.runWithoutAuthorization(new GetStartFormCmd(definition.getId()));
    } catch (RuntimeException e) {
      return DeclaredForm.NONE; // a process without a start form handler has no start form
    }
    return resolve(context, data);
  }

  DeclaredForm resolve(CommandContext context, FormData data) {
    DeclaredForm generated = generated(data.getFormFields());
    String formKey = data.getFormKey();
    CamundaFormRef ref = data.getCamundaFormRef();
    if (formKey != null && !formKey.isBlank()) {
      return generated.plus(byFormKey(context, formKey.trim(), data.getDeploymentId()));
    }
    if (ref != null && ref.getKey() != null) {
      CamundaFormDefinition definition = context.runWithoutAuthorization(
          new GetCamundaFormDefinitionCmd(ref, data.getDeploymentId()));
      if (definition == null) {
        return generated;
      }
      return generated.plus(cached("form:" + definition.getId(), () -> DeclaredForm.fromCamundaForm(
          deploymentResource(context, definition.getDeploymentId(), definition.getResourceName()))));
    }
    return generated;
  }

  private DeclaredForm byFormKey(CommandContext context, String formKey, String deploymentId) {
    boolean html;
    String location;
    if (formKey.startsWith(EMBEDDED)) {
      html = true;
      location = formKey.substring(EMBEDDED.length());
    } else if (formKey.startsWith(CAMUNDA_FORMS)) {
      html = false;
      location = formKey.substring(CAMUNDA_FORMS.length());
    } else {
      return unknown(formKey, "an external form cannot be read by the server");
    }
    if (location.startsWith(DEPLOYMENT)) {
      String name = location.substring(DEPLOYMENT.length());
      return cached("deployment:" + deploymentId + ":" + name, () -> parse(html, deploymentResource(context, deploymentId, name)));
    }
    if (location.startsWith(WebConfiguration.EMBEDDED_FORMS_PATH)) {
      String file = location.substring(WebConfiguration.EMBEDDED_FORMS_PATH.length());
      if (!file.matches("[A-Za-z0-9._-]+") || file.startsWith(".")) {
        return unknown(formKey, "not a form served at " + WebConfiguration.EMBEDDED_FORMS_PATH);
      }
      return cached("served:" + file, () -> parse(html, served(file)));
    }
    return unknown(formKey, "neither deployed nor served by this application");
  }

  private static DeclaredForm parse(boolean html, String content) {
    if (content == null) {
      return DeclaredForm.NONE;
    }
    return html ? EmbeddedFormHtml.parse(content) : DeclaredForm.fromCamundaForm(content);
  }

  private DeclaredForm cached(String key, Supplier<DeclaredForm> read) {
    DeclaredForm form = cache.get(key);
    if (form != null) {
      return form;
    }
    try {
      form = read.get();
    } catch (RuntimeException e) {
      // not cached: a resource that could not be read now may be readable on the next submission
      LOG.warn("Form {} cannot be read ({}); this submission is refused", key, e.getMessage());
      return DeclaredForm.NONE;
    }
    cache.put(key, form);
    return form;
  }

  private DeclaredForm unknown(String formKey, String why) {
    return cached("unknown:" + formKey, () -> {
      LOG.warn("Form key '{}': {}; submissions to it are refused", formKey, why);
      return DeclaredForm.NONE;
    });
  }

  private static String deploymentResource(CommandContext context, String deploymentId, String name) {
    try (InputStream in = context.runWithoutAuthorization(new GetDeploymentResourceCmd(deploymentId, name))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String served(String file) {
    Resource resource = resources.getResource(WebConfiguration.EMBEDDED_FORMS_LOCATION + file);
    if (!resource.exists()) {
      return null;
    }
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Generated forms ({@code camunda:formField} in the BPMN): their ids are the variables. */
  private static DeclaredForm generated(List<FormField> fields) {
    if (fields == null || fields.isEmpty()) {
      return DeclaredForm.NONE;
    }
    Map<String, Field> variables = new LinkedHashMap<>();
    for (FormField f : fields) {
      Kind kind = switch (f.getTypeName() == null ? "" : f.getTypeName()) {
        case "long" -> Kind.NUMBER;
        case "boolean" -> Kind.BOOLEAN;
        case "date" -> Kind.DATE;
        case "enum" -> Kind.CHOICE;
        default -> Kind.LINE;
      };
      variables.put(f.getId(), new Field(f.getId(), f.getLabel(), kind, DeclaredForm.LINE_LIMIT, Map.of()));
    }
    return DeclaredForm.of(variables);
  }
}
