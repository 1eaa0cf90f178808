package cn.jiyuan.decisionreview.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.validation.Schema;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a set of model files (one deployment, or the project's {@code processes/}, {@code dmn/}, {@code forms/})
 * must satisfy so that the system keeps working with it: checked before a deployment lands
 * ({@link DeploymentCheckPlugin}) and by the model-convention test. Each problem is a Chinese sentence that names
 * the file and what to change in Modeler.
 */
public final class ModelCheck {

  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

  /** form-js 1.8.7 as bundled by Tasklist 7.24; anything else breaks the whole form. */
  public static final Set<String> TASKLIST_FORM_COMPONENTS = Set.of("default", "textfield", "textarea", "number",
      "datetime", "checkbox", "radio", "select", "checklist", "taglist", "group", "dynamiclist", "table", "text",
      "html", "image", "spacer", "separator", "expression", "button");

  private final Map<String, byte[]> resources;
  private final Predicate<String> formElsewhere;
  private final List<String> problems = new ArrayList<>();
  private final Set<String> formIds = new HashSet<>();

  private ModelCheck(Map<String, byte[]> resources, Predicate<String> formElsewhere) {
    this.resources = new TreeMap<>(resources);
    this.formElsewhere = formElsewhere;
  }

  /**
   * @param resources file name (as deployed, e.g. {@code processes/x.bpmn}) → content
   * @param formElsewhere whether a form id not among {@code resources} is available anyway (already deployed)
   */
  public static List<String> check(Map<String, byte[]> resources, Predicate<String> formElsewhere) {
    ModelCheck check = new ModelCheck(resources, formElsewhere);
    check.run();
    return List.copyOf(check.problems);
  }

  private void run() {
    resources.forEach((name, bytes) -> {
      if (name.endsWith(".form")) {
        checkForm(name, bytes);
      }
    });
    resources.forEach((name, bytes) -> {
      if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
        checkProcess(name, bytes);
      } else if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
        checkDecisions(name, bytes);
      }
    });
  }

  private void problem(String file, String message) {
    problems.add(file + "：" + message);
  }

  private void checkForm(String file, byte[] bytes) {
    JsonNode form;
    try {
      form = new ObjectMapper().readTree(bytes);
    } catch (IOException e) {
      problem(file, "不是有效的 JSON 表单");
      return;
    }
    String id = form.path("id").asText("");
    if (!id.isBlank()) {
      formIds.add(id);
    }
    Set<String> types = new java.util.TreeSet<>();
    collectTypes(form.path("components"), types);
    for (String type : types) {
      if (!TASKLIST_FORM_COMPONENTS.contains(type)) {
        problem(file, "表单组件类型“" + type + "”在任务中心（Tasklist 7.24，form-js 1.8.7）中无法显示，请改用其支持的组件");
      }
    }
  }

  private static void collectTypes(JsonNode node, Set<String> types) {
    if (node.isObject()) {
      if (node.has("type") && node.get("type").isTextual()) {
        types.add(node.get("type").asText());
      }
      node.elements().forEachRemaining(child -> collectTypes(child, types));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> collectTypes(child, types));
    }
  }

  static Document parse(byte[] bytes) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
  }

  /** The parsed file, or null with the problem recorded. */
  private Document parsedOrRefused(String file, byte[] bytes) {
    try {
      return parse(bytes);
    } catch (Exception e) {
      problem(file, "不是格式正确的 XML");
      return null;
    }
  }

  private void checkProcess(String file, byte[] bytes) {
    Document doc = parsedOrRefused(file, bytes);
    if (doc == null) {
      return;
    }
    checkSchema(file, bytes, ModelSchemas.bpmn(), "BPMN 2.0");
    for (Element process : elements(doc, "process")) {
      if (!"true".equals(process.getAttribute("isExecutable"))) {
        continue;
      }
      if (process.getAttributeNS(CAMUNDA, "historyTimeToLive").isBlank()) {
        problem(file, "流程“" + process.getAttribute("id") + "”未设置历史记录保存期限（historyTimeToLive），"
            + "请在 Modeler 的“History cleanup”中填写（如 1825 天）");
      }
      NodeList all = process.getElementsByTagNameNS("*", "*");
      for (int i = 0; i < all.getLength(); i++) {
        Element el = (Element) all.item(i);
        String formRef = el.getAttributeNS(CAMUNDA, "formRef");
        if (formRef.isBlank() || formRef.contains("${")) {
          continue;
        }
        if (!formIds.contains(formRef) && !formElsewhere.test(formRef)) {
          problem(file, "“" + label(el) + "”引用的表单“" + formRef + "”既不在本次部署中，也未部署过，请一并部署 forms/"
              + formRef + ".form");
        }
      }
    }
  }

  /**
   * The engine's parsers would refuse such a file as well, but with an English message, for DMN as a server error;
   * here the analyst reads where and why, in the validator's Chinese.
   */
  private void checkSchema(String file, byte[] bytes, Schema schema, String standard) {
    List<String> found = ModelSchemas.problems(schema, bytes);
    if (!found.isEmpty()) {
      problem(file, "不符合 " + standard + " 规范（" + String.join("；", found) + "）");
    }
  }

  private static String label(Element el) {
    String name = el.getAttribute("name");
    return name.isBlank() ? el.getAttribute("id") : name + "（" + el.getAttribute("id") + "）";
  }

  private void checkDecisions(String file, byte[] bytes) {
    Document doc = parsedOrRefused(file, bytes);
    if (doc == null) {
      return;
    }
    checkSchema(file, bytes, ModelSchemas.dmn(), "DMN");
    List<Element> decisions = elements(doc, "decision");
    Set<String> decisionIds = new HashSet<>();
    decisions.forEach(d -> decisionIds.add(d.getAttribute("id")));
    for (Element decision : decisions) {
      String id = decision.getAttribute("id");
      if (decision.getAttributeNS(CAMUNDA_DMN, "historyTimeToLive").isBlank()) {
        problem(file, "决策“" + id + "”未设置历史记录保存期限（historyTimeToLive），请在 Modeler 的“History cleanup”中填写（如 1825 天）");
      }
      ContractDecisions.Contract contract = ContractDecisions.ALL.get(id);
      if (contract != null) {
        checkContract(file, decision, contract, decisionIds);
      }
    }
  }

  private void checkContract(String file, Element decision, ContractDecisions.Contract contract, Set<String> drd) {
    Element table = first(decision, "decisionTable");
    if (table == null) {
      problem(file, "决策“" + contract.id() + "”（" + contract.name() + "）必须是决策表");
      return;
    }
    Set<String> inputs = new java.util.LinkedHashSet<>();
    for (Element input : children(table, "input")) {
      Element expression = first(input, "inputExpression");
      Element text = expression == null ? null : first(expression, "text");
      inputs.add(text == null ? "" : text.getTextContent().trim());
    }
    Set<String> outputs = new java.util.LinkedHashSet<>();
    for (Element output : children(table, "output")) {
      outputs.add(output.getAttribute("name").trim());
    }
    for (String input : inputs) {
      if (!contract.allowedInputs().contains(input) && !drd.contains(input)) {
        problem(file, "决策“" + contract.id() + "”（" + contract.name() + "）的输入“" + input
            + "”不在约定的输入之中（" + String.join("、", new java.util.TreeSet<>(contract.allowedInputs()))
            + "），流程不提供该值");
      }
    }
    for (String required : new java.util.TreeSet<>(contract.requiredInputs())) {
      if (!inputs.contains(required)) {
        problem(file, "决策“" + contract.id() + "”（" + contract.name() + "）缺少约定的输入“" + required + "”");
      }
    }
    for (String required : new java.util.TreeSet<>(contract.requiredOutputs())) {
      if (!outputs.contains(required)) {
        problem(file, "决策“" + contract.id() + "”（" + contract.name() + "）缺少约定的输出“" + required
            + "”，流程依赖该输出");
      }
    }
  }

  private static List<Element> elements(Document doc, String localName) {
    NodeList list = doc.getElementsByTagNameNS("*", localName);
    List<Element> result = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      result.add((Element) list.item(i));
    }
    return result;
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> result = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element e && localName.equals(e.getLocalName())) {
        result.add(e);
      }
    }
    return result;
  }

  private static Element first(Element parent, String localName) {
    List<Element> found = children(parent, localName);
    return found.isEmpty() ? null : found.get(0);
  }
}
