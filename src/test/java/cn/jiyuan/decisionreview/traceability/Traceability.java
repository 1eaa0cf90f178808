package cn.jiyuan.decisionreview.traceability;

import cn.jiyuan.decisionreview.shared.CarriesOut;
import cn.jiyuan.decisionreview.support.Covers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The article → element → test table: which BPMN, DMN and form elements cite an article in their documentation,
 * which classes carry it out ({@link CarriesOut}), and which tests prove it (named {@code article12…} or marked
 * {@link Covers}).
 */
final class Traceability {

  /** One article of the catalogue; {@code reason} is why it needs no element, or empty. */
  record Article(String key, String summary, String reason) {
    boolean carried() {
      return reason.isEmpty();
    }
  }

  /** A model element: file, id and its Chinese name. */
  record ModelElement(String file, String id, String name) {
    String show() {
      return "`" + id + "`" + (name.isBlank() ? "" : " " + name);
    }
  }

  final List<Article> articles;
  final Map<String, Set<ModelElement>> elements = new LinkedHashMap<>();
  final Map<String, Set<String>> code = new LinkedHashMap<>();
  final Map<String, Set<String>> tests = new LinkedHashMap<>();
  /** Citations of articles that are not in the catalogue (a typo, or a Decree article outside Art. 34–41). */
  final Map<String, Set<String>> elsewhere = new LinkedHashMap<>();

  private static final Set<String> TEST_ANNOTATIONS = Set.of("org.junit.jupiter.api.Test",
      "org.junit.jupiter.params.ParameterizedTest", "org.junit.jupiter.api.RepeatedTest",
      "org.junit.jupiter.api.TestFactory", "net.jqwik.api.Property", "net.jqwik.api.Example");
  private static final Pattern NAMED = Pattern.compile("([Dd]ecree713)?[Aa]rticles?(\\d+(?:And\\d+)*)");

  Traceability(List<Article> articles) {
    this.articles = articles;
    for (Article a : articles) {
      elements.put(a.key(), new TreeSet<>(Comparator.comparing(ModelElement::file).thenComparing(ModelElement::id)));
      code.put(a.key(), new TreeSet<>());
      tests.put(a.key(), new TreeSet<>());
    }
  }

  static List<Article> catalogue() throws IOException {
    List<Article> articles = new ArrayList<>();
    try (InputStream in = Traceability.class.getResourceAsStream("/traceability/articles.tsv")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] cells = line.split("\t", -1);
        articles.add(new Article(cells[0], cells[1], cells.length > 2 ? cells[2].strip() : ""));
      }
    }
    return articles;
  }

  // --- models ----------------------------------------------------------------------------------------------------

  Traceability scanModels(Path root) throws Exception {
    for (Path file : files(root.resolve("processes"), ".bpmn")) {
      scanXml(file, "documentation", "text");
    }
    for (Path file : files(root.resolve("dmn"), ".dmn")) {
      scanXml(file, "description", null);
    }
    for (Path file : files(root.resolve("forms"), ".form")) {
      JsonNode form = new ObjectMapper().readTree(file.toFile());
      scanForm(file.getFileName().toString(), form);
    }
    for (Path file : files(root.resolve("forms"), ".html")) {
      String text = Files.readString(file).replaceAll("<[^>]+>", " ");
      String name = file.getFileName().toString();
      cite(Citations.in(text), new ModelElement(name, name.replace(".html", ""), "嵌入式表单"), name);
    }
    return this;
  }

  private static List<Path> files(Path dir, String ending) throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> p.toString().endsWith(ending)).sorted().toList();
    }
  }

  /** Documentation (BPMN), descriptions and labels (DMN), and text annotations tied to their element. */
  private void scanXml(Path file, String textElement, String annotationText) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc = factory.newDocumentBuilder().parse(file.toFile());
    String name = file.getFileName().toString();
    Map<String, Element> byId = new LinkedHashMap<>();
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.hasAttribute("id")) {
        byId.put(e.getAttribute("id"), e);
      }
    }
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.getLocalName().equals(textElement) && e.getParentNode() instanceof Element owner && owner.hasAttribute("id")) {
        cite(Citations.in(e.getTextContent()), element(name, owner, byId), name);
      }
      if (e.hasAttribute("label") && e.hasAttribute("id")) {
        cite(Citations.in(e.getAttribute("label")), element(name, e, byId), name);
      }
      if (annotationText != null && e.getLocalName().equals("association")) {
        Element annotation = byId.get(e.getAttribute("targetRef"));
        Element source = byId.get(e.getAttribute("sourceRef"));
        if (annotation != null && source != null && annotation.getLocalName().equals("textAnnotation")) {
          cite(Citations.in(annotation.getTextContent()), element(name, source, byId), name);
        }
      }
    }
  }

  /** A DMN rule has no name of its own: it is shown with its decision's. */
  private static ModelElement element(String file, Element e, Map<String, Element> byId) {
    String label = e.hasAttribute("name") ? e.getAttribute("name") : e.getAttribute("label");
    if (label.isBlank()) {
      for (Node up = e.getParentNode(); up instanceof Element parent; up = parent.getParentNode()) {
        if (parent.getLocalName().equals("decision")) {
          label = parent.getAttribute("name") + " 的规则";
          break;
        }
      }
    }
    return new ModelElement(file, e.getAttribute("id"), label);
  }

  private void scanForm(String file, JsonNode node) {
    if (node.isObject()) {
      String id = node.path("key").asText(node.path("id").asText(""));
      StringBuilder text = new StringBuilder();
      for (String field : List.of("text", "label", "description")) {
        if (node.path(field).isTextual()) {
          text.append(node.path(field).asText()).append('。');
        }
      }
      if (!id.isEmpty() && text.length() > 0) {
        String label = node.path("label").asText(node.path("type").asText().equals("text") ? "说明文字" : "");
        cite(Citations.in(text.toString()), new ModelElement(file, id, label), file);
      }
    }
    node.forEach(child -> scanForm(file, child));
  }

  private void cite(Set<String> keys, ModelElement element, String where) {
    for (String key : keys) {
      Set<ModelElement> list = elements.get(key);
      if (list == null) {
        elsewhere.computeIfAbsent(key, k -> new TreeSet<>()).add(where + " `" + element.id() + "`");
      } else {
        list.add(element);
      }
    }
  }

  // --- code and tests ------------------------------------------------------------------------------------------

  Traceability scanCode(JavaClasses main) {
    for (JavaClass c : main) {
      if (c.isAnnotatedWith(CarriesOut.class)) {
        for (String key : c.getAnnotationOfType(CarriesOut.class).value()) {
          add(code, key, shortName(c), "@CarriesOut on " + c.getName());
        }
      }
    }
    return this;
  }

  Traceability scanTests(JavaClasses tests) {
    for (JavaClass c : tests) {
      if (c.isAnnotatedWith(Covers.class)) {
        for (String key : c.getAnnotationOfType(Covers.class).value()) {
          add(this.tests, key, shortName(c) + "（全部测试）", "@Covers on " + c.getName());
        }
      }
      for (JavaMethod m : c.getMethods()) {
        if (TEST_ANNOTATIONS.stream().noneMatch(m::isAnnotatedWith)) {
          continue;
        }
        String test = shortName(c) + "." + m.getName();
        Matcher named = NAMED.matcher(m.getName());
        while (named.find()) {
          for (String n : named.group(2).split("And")) {
            add(this.tests, (named.group(1) == null ? "" : Citations.DECREE) + "第" + Citations.numeral(Integer.parseInt(n))
                + "条", test, test);
          }
        }
        if (m.isAnnotatedWith(Covers.class)) {
          for (String key : m.getAnnotationOfType(Covers.class).value()) {
            add(this.tests, key, test, "@Covers on " + test);
          }
        }
      }
    }
    return this;
  }

  private void add(Map<String, Set<String>> into, String key, String what, String where) {
    Set<String> list = into.get(key);
    if (list == null) {
      elsewhere.computeIfAbsent(key, k -> new TreeSet<>()).add(where);
    } else {
      list.add(what);
    }
  }

  /** {@code cn.jiyuan.decisionreview.evaluation.PostEvaluationEngineTest} → {@code evaluation/PostEvaluationEngineTest}. */
  private static String shortName(JavaClass c) {
    String pkg = c.getPackageName().replace("cn.jiyuan.decisionreview", "").replaceFirst("^\\.", "").replace('.', '/');
    return (pkg.isEmpty() ? "" : pkg + "/") + c.getSimpleName();
  }

  // --- checks and the page ---------------------------------------------------------------------------------------

  /** Carried articles without an element (model or code) or without a test, and citations outside the catalogue. */
  List<String> gaps() {
    List<String> gaps = new ArrayList<>();
    for (Article a : articles) {
      if (a.carried() && elements.get(a.key()).isEmpty() && code.get(a.key()).isEmpty()) {
        gaps.add(a.key() + "（" + a.summary() + "）：没有任何模型要素或代码实现它");
      }
      if (a.carried() && tests.get(a.key()).isEmpty()) {
        gaps.add(a.key() + "（" + a.summary() + "）：没有任何测试覆盖它");
      }
    }
    elsewhere.forEach((key, where) -> {
      if (!key.startsWith(Citations.DECREE)) {
        gaps.add(key + " 不是《办法》的条文，却被引用：" + where);
      }
    });
    return gaps;
  }

  String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# 条文可追溯性表（Traceability）\n\n")
        .append("《济源市重大行政决策实施情况跟踪反馈与后评估办法》第一条至第二十七条与《重大行政决策程序暂行条例》")
        .append("第三十四条至第四十一条，各由哪些 BPMN、DMN 与表单要素（其文档中引用该条）、哪些代码（`@CarriesOut`）实现，")
        .append("由哪些测试（方法名 `article12…`、`decree713Article36…` 或 `@Covers`）覆盖。\n\n")
        .append("本页由 `traceability/TraceabilityTest` 生成，请勿手工修改。模型、代码或测试改变后重新生成：\n")
        .append("`./mvnw -o -q test -Dtest=TraceabilityTest -Dtraceability.write=true`。")
        .append("须实现的条文失去最后一个要素或最后一个测试时，该测试失败。\n\n")
        .append("| 条文 | 要点 | 模型要素 | 代码 | 测试 |\n|---|---|---:|---:|---:|\n");
    for (Article a : articles) {
      md.append("| [").append(a.key()).append("](#").append(a.key()).append(") | ").append(a.summary()).append(" | ");
      if (a.carried()) {
        md.append(elements.get(a.key()).size()).append(" | ").append(code.get(a.key()).size()).append(" | ")
            .append(tests.get(a.key()).size()).append(" |\n");
      } else {
        md.append("— | — | — |\n");
      }
    }
    for (Article a : articles) {
      md.append("\n## ").append(a.key()).append("\n\n").append(a.summary()).append("。\n\n");
      if (!a.carried()) {
        md.append("无需系统要素：").append(a.reason()).append("\n");
      }
      Map<String, List<ModelElement>> byFile = new LinkedHashMap<>();
      elements.get(a.key()).forEach(e -> byFile.computeIfAbsent(e.file(), f -> new ArrayList<>()).add(e));
      if (!byFile.isEmpty()) {
        md.append("模型要素：\n\n");
        byFile.forEach((file, list) -> md.append("- `").append(file).append("`：")
            .append(String.join("，", list.stream().map(ModelElement::show).toList())).append("\n"));
        md.append("\n");
      }
      if (!code.get(a.key()).isEmpty()) {
        md.append("代码：").append(String.join("，", code.get(a.key()).stream().map(c -> "`" + c + "`").toList()))
            .append("\n\n");
      }
      if (!tests.get(a.key()).isEmpty()) {
        md.append("测试：\n\n");
        tests.get(a.key()).forEach(t -> md.append("- `").append(t).append("`\n"));
      }
    }
    if (!elsewhere.isEmpty()) {
      md.append("\n## 其他引用\n\n《重大行政决策程序暂行条例》第三十四条至第四十一条以外的条文，也在模型或测试中引用：\n\n");
      elsewhere.forEach((key, where) -> md.append("- ").append(key).append("：").append(String.join("，", where)).append("\n"));
    }
    return md.toString();
  }
}
