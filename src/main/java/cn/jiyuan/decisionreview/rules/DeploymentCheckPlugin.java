package cn.jiyuan.decisionreview.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;

/**
 * Checks every new deployment with {@link ModelCheck} inside the engine, before the BPMN and DMN deployers
 * parse it, so every path is covered: Modeler's deploy dialog ({@code /engine-rest/deployment/create}), the
 * webapps' {@code /camunda/api/engine}, Java and the start-up deployment. A refusal throws inside the deploy
 * command's transaction, so nothing is deployed; the REST API answers a BadUserRequestException with 400 and
 * its Chinese message (security/EngineErrorMessages keeps Chinese reasons as they are).
 */
@Component
public class DeploymentCheckPlugin extends AbstractProcessEnginePlugin {

  static final String REFUSED = "部署被拒绝，未部署任何文件：";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    deployers.add(DeploymentCheckPlugin::check);
    configuration.setCustomPreDeployers(deployers);
  }

  static void check(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // a deployment read back into the cache (restart, cache eviction) was checked when it was made
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    Map<String, ResourceEntity> resources = deployment.getResources();
    if (resources != null) {
      resources.forEach((name, resource) -> files.put(name, resource.getBytes()));
    }
    CommandContext context = Context.getCommandContext();
    List<String> problems = ModelCheck.check(files,
        formKey -> context.getCamundaFormDefinitionManager().findLatestDefinitionByKey(formKey) != null);
    if (!problems.isEmpty()) {
      throw new BadUserRequestException(REFUSED + String.join("；", problems) + "。");
    }
  }
}
