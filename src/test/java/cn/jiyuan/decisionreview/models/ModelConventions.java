package cn.jiyuan.decisionreview.models;

import cn.jiyuan.decisionreview.rules.ModelCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The project's own model conventions (DESIGN.md §3, §6, §9) for {@code processes/}, {@code dmn/} and
 * {@code forms/}: what Camunda accepts but Tasklist, Modeler or the analysts would trip over.
 */
public final class ModelConventions {

  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
  static final String DC = "http://www.omg.org/spec/DD/20100524/DC";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";
  static final Set<String> DMN_NS = Set.of("https://www.omg.org/spec/DMN/20191111/MODEL/", "http://www.omg.org/spec/DMN/20180521/MODEL/");

  /** form-js 1.8.7 as bundled by Tasklist 7.24; anything else breaks the whole form. */
  public static final Set<String> TASKLIST_FORM_COMPONENTS = ModelCheck.TASKLIST_FORM_COMPONENTS;

  static final Set<String> FLOW_NODES = Set.of("task", "userTask", "serviceTask", "scriptTask", "businessRuleTask",
      "sendTask", "receiveTask", "manualTask", "callActivity", "subProcess", "startEvent", "endEvent",
      "intermediateCatchEvent", "intermediateThrowEvent", "boundaryEvent", "exclusiveGateway", "parallelGateway",
      "inclusiveGateway", "eventBasedGateway", "complexGateway", "transaction");

  /** Flow nodes that do a piece of the Measures' procedure and must say which article in their documentation. */
  static final Set<String> ARTICLE_CITING = Set.of("userTask", "businessRuleTask", "callActivity", "subProcess");

  private final Path root;
  private final List<String> problems = new ArrayList<>();
  private final Map<String, Path> forms = new HashMap<>();

  private ModelConventions(Path root) {
    this.root = root;
  }

  public static List<String> check(Path root) throws Exception {
    ModelConventions c = new ModelConventions(root);
    c.checkUniqueFileNames();
    c.checkForms();
    c.checkProcesses();
    c.checkDecisions();
    c.checkAsDeployed();
    return c.problems;
  }

  /**
   * What the engine checks before a deployment lands ({@link ModelCheck}: history time to live, Tasklist's form
   * components, forms a process references, the contract decisions' inputs and outputs), for all files at once.
   */
  private void checkAsDeployed() throws IOException {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    for (String[] kind : new String[][] {{"processes", ".bpmn"}, {"dmn", ".dmn"}, {"forms", ".form"}}) {
      for (Path file : files(root.resolve(kind[0]), kind[1])) {
        files.put(root.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    problems.addAll(ModelCheck.check(files, formKey -> false));
  }

  private void problem(Path file, String message) {
    problems.add(root.relativize(file) + ": " + message);
  }

  private static List<Path> files(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.lastIndexOf('.'));
  }

  private void checkUniqueFileNames() throws IOException {
    Map<String, Path> seen = new HashMap<>();
    for (String[] kind : new String[][] {{"processes", ".bpmn"}, {"dmn", ".dmn"}, {"forms", ".form"}, {"forms", ".html"}}) {
      for (Path file : files(root.resolve(kind[0]), kind[1])) {
        Path other = seen.put(file.getFileName().toString(), file);
        if (other != null) {
          problem(file, "file name also used by " + root.relativize(other) + ": one overwrites the other on deployment");
        }
      }
    }
  }

  private void checkForms() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    for (Path file : files(root.resolve("forms"), ".form")) {
      JsonNode form;
      try {
        form = mapper.readTree(file.toFile());
      } catch (IOException e) {
        problem(file, "not valid JSON: " + e.getMessage());
        continue;
      }
      String id = form.path("id").asText(null);
      if (!stem(file).equals(id)) {
        problem(file, "form id '" + id + "' differs from the file name '" + stem(file) + "'");
      }
      forms.put(id, file);
    }
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }

  private void checkProcesses() throws Exception {
    for (Path file : files(root.resolve("processes"), ".bpmn")) {
      Document doc;
      try {
        doc = parse(file);
      } catch (Exception e) {
        problem(file, "not well-formed XML: " + e.getMessage());
        continue;
      }
      Map<String, Element> shapes = new HashMap<>();
      for (Element shape : elements(doc, BPMNDI, "BPMNShape")) {
        shapes.put(shape.getAttribute("bpmnElement"), shape);
      }
      Set<String> edges = new HashSet<>();
      for (Element edge : elements(doc, BPMNDI, "BPMNEdge")) {
        edges.add(edge.getAttribute("bpmnElement"));
      }
      List<Element> processes = elements(doc, BPMN, "process");
      if (processes.isEmpty()) {
        problem(file, "no bpmn:process");
      }
      for (Element process : processes) {
        if (!"true".equals(process.getAttribute("isExecutable"))) {
          continue;
        }
        if (!stem(file).equals(process.getAttribute("id"))) {
          problem(file, "process id '" + process.getAttribute("id") + "' differs from the file name");
        }
        checkFlowElements(file, process, shapes, edges);
      }
      checkOverlaps(file, doc, shapes);
    }
  }

  private void checkFlowElements(Path file, Element process, Map<String, Element> shapes, Set<String> edges) {
    NodeList all = process.getElementsByTagNameNS(BPMN, "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element el = (Element) all.item(i);
      String tag = el.getLocalName();
      String id = el.getAttribute("id");
      if (FLOW_NODES.contains(tag)) {
        if (!shapes.containsKey(id)) {
          problem(file, tag + " '" + id + "' has no diagram shape");
        }
        boolean nameOptional = tag.endsWith("Gateway") || tag.equals("startEvent") || tag.equals("endEvent");
        if (!nameOptional && el.getAttribute("name").isBlank()) {
          problem(file, tag + " '" + id + "' has no name");
        }
        if (ARTICLE_CITING.contains(tag) && !citesArticle(el)) {
          problem(file, tag + " '" + id + "' does not cite the article it carries out in its documentation");
        }
      }
      if (tag.equals("sequenceFlow") && !edges.contains(id)) {
        problem(file, "sequenceFlow '" + id + "' has no diagram edge");
      }
      if (tag.equals("userTask") || tag.equals("startEvent")) {
        checkForm(file, el, tag, id);
      }
      if (tag.equals("businessRuleTask")) {
        checkDecisionBinding(file, el, id);
      }
    }
  }

  private void checkForm(Path file, Element el, String tag, String id) {
    String formRef = el.getAttributeNS(CAMUNDA, "formRef");
    String formKey = el.getAttributeNS(CAMUNDA, "formKey");
    if (!formRef.isBlank()) {
      // latest: a process deployed alone from Modeler keeps its forms (README: which rule version applies)
      if (!"latest".equals(el.getAttributeNS(CAMUNDA, "formRefBinding"))) {
        problem(file, tag + " '" + id + "' has formRef without formRefBinding=\"latest\"");
      }
    } else if (formKey.startsWith("camunda-forms:")) {
      problem(file, tag + " '" + id + "' uses a path-based camunda-forms key; use camunda:formRef");
    } else if (formKey.startsWith("embedded:/forms/")) {
      String html = formKey.substring("embedded:/forms/".length());
      if (!Files.exists(root.resolve("forms").resolve(html))) {
        problem(file, tag + " '" + id + "' references embedded form '" + html + "', which is not in forms/");
      }
    } else if (tag.equals("userTask")) {
      problem(file, "userTask '" + id + "' has no form");
    }
  }

  /**
   * README "Which rule version applies": a rule task takes the latest deployed table, or (grading) the version in
   * force when the evaluation started; never the process's own deployment, which a table deployed alone would miss.
   */
  private void checkDecisionBinding(Path file, Element el, String id) {
    String binding = el.getAttributeNS(CAMUNDA, "decisionRefBinding");
    boolean pinnedAtStart = "version".equals(binding)
        && el.getAttributeNS(CAMUNDA, "decisionRefVersion").startsWith("${ruleVersions.inForceAtStart(execution, '"
            + el.getAttributeNS(CAMUNDA, "decisionRef") + "')}");
    if (!"latest".equals(binding) && !pinnedAtStart) {
        problem(file, "businessRuleTask '" + id + "' binds its decision with '" + binding
            + "': use decisionRefBinding=\"latest\" or the version in force at the start");
    }
  }

  private static boolean citesArticle(Element el) {
    for (Node child = el.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element doc && "documentation".equals(doc.getLocalName())) {
        String text = doc.getTextContent();
        if (text.matches("(?s).*第[一二三四五六七八九十百零]+条.*")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Shapes of one level must not cover each other; containers (sub-processes) and boundary events are exempt. */
  private void checkOverlaps(Path file, Document doc, Map<String, Element> shapes) {
    Map<String, String> kinds = new HashMap<>();
    NodeList all = doc.getElementsByTagNameNS(BPMN, "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element el = (Element) all.item(i);
      kinds.put(el.getAttribute("id"), el.getLocalName());
    }
    List<double[]> boxes = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    shapes.forEach((id, shape) -> {
      String kind = kinds.getOrDefault(id, "");
      if (kind.equals("subProcess") || kind.equals("boundaryEvent") || kind.equals("participant")
          || kind.equals("lane") || kind.equals("textAnnotation") || kind.equals("group")) {
        return;
      }
      Element b = (Element) shape.getElementsByTagNameNS(DC, "Bounds").item(0);
      if (b == null) {
        return;
      }
      double x = Double.parseDouble(b.getAttribute("x"));
      double y = Double.parseDouble(b.getAttribute("y"));
      boxes.add(new double[] {x, y, x + Double.parseDouble(b.getAttribute("width")), y + Double.parseDouble(b.getAttribute("height"))});
      ids.add(id);
    });
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        double[] a = boxes.get(i);
        double[] c = boxes.get(j);
        if (a[0] < c[2] && c[0] < a[2] && a[1] < c[3] && c[1] < a[3]) {
          problem(file, "shapes '" + ids.get(i) + "' and '" + ids.get(j) + "' overlap");
        }
      }
    }
  }

  private void checkDecisions() throws Exception {
    for (Path file : files(root.resolve("dmn"), ".dmn")) {
      Document doc;
      try {
        doc = parse(file);
      } catch (Exception e) {
        problem(file, "not well-formed XML: " + e.getMessage());
        continue;
      }
      Element definitions = doc.getDocumentElement();
      Set<String> ids = new HashSet<>();
      ids.add(definitions.getAttribute("id"));
      for (String ns : DMN_NS) {
        for (Element decision : elements(doc, ns, "decision")) {
          ids.add(decision.getAttribute("id"));
        }
      }
      if (!ids.contains(stem(file))) {
        problem(file, "no decision or DRD has the id '" + stem(file) + "' of its file name");
      }
    }
  }

  private static List<Element> elements(Document doc, String ns, String name) {
    NodeList list = doc.getElementsByTagNameNS(ns, name);
    List<Element> result = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      result.add((Element) list.item(i));
    }
    return result;
  }
}
