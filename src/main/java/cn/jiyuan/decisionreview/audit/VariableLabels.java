package cn.jiyuan.decisionreview.audit;

import cn.jiyuan.decisionreview.form.DeclaredForm;
import cn.jiyuan.decisionreview.form.EmbeddedFormHtml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Chinese label a form gives each variable (the first form that declares it), so that the trail says
 * 数据项“评估主体”（evaluatorType） rather than the bare key. Read once from the project's forms; a variable no form
 * declares (the system's own) keeps its key.
 */
@Component
class VariableLabels {

  private static final Logger LOG = LoggerFactory.getLogger(VariableLabels.class);

  private final Map<String, String> labels = new HashMap<>();

  VariableLabels() {
    try {
      for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.*")) {
        String name = resource.getFilename() == null ? "" : resource.getFilename();
        if (!name.endsWith(".form") && !name.endsWith(".html")) {
          continue;
        }
        String content = resource.getContentAsString(StandardCharsets.UTF_8);
        DeclaredForm form = name.endsWith(".form") ? DeclaredForm.fromCamundaForm(content) : EmbeddedFormHtml.parse(content);
        form.variables().forEach((key, field) -> {
          if (field.label() != null && !field.label().isBlank()) {
            labels.putIfAbsent(key, field.label().strip());
          }
        });
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("审计记录读不到表单中的字段名称，数据项以变量名显示：{}", e.getMessage());
    }
  }

  /** 数据项“评估主体”（evaluatorType）, or 数据项“evaluatorType” for a variable no form names. */
  String describe(String variable) {
    String label = labels.get(variable);
    return label == null ? "数据项“" + variable + "”" : "数据项“" + label + "”（" + variable + "）";
  }
}
