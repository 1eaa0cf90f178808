package cn.jiyuan.decisionreview.form;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiyuan.decisionreview.form.DeclaredForm.Field;
import cn.jiyuan.decisionreview.form.DeclaredForm.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the project's forms declare, read from the files in forms/ as the server reads the deployed ones. */
class DeclaredFormTest {

  private static String read(String name) throws IOException {
    return Files.readString(Path.of("forms", name), StandardCharsets.UTF_8);
  }

  private static DeclaredForm form(String name) throws IOException {
    return name.endsWith(".html") ? EmbeddedFormHtml.parse(read(name)) : DeclaredForm.fromCamundaForm(read(name));
  }

  @Test
  void aCamundaFormDeclaresItsKeysWithTypesLabelsAndLimits() throws IOException {
    DeclaredForm register = form("register-decision.form");
    assertThat(register.variables()).containsOnlyKeys("decisionNumber", "decisionTitle", "decisionCategory",
        "broadImpact", "implementationStart", "implementationEnd", "executingUnit", "superiorMandated",
        "assistingSuperior");
    Field title = register.field("decisionTitle");
    assertThat(title.kind()).isEqualTo(Kind.LINE);
    assertThat(title.label()).isEqualTo("决策名称");
    assertThat(title.maxLength()).isEqualTo(DeclaredForm.LINE_LIMIT);
    assertThat(register.field("broadImpact").kind()).isEqualTo(Kind.BOOLEAN);
    assertThat(register.field("implementationStart").kind()).isEqualTo(Kind.DATE);
  }

  @Test
  void validateMaxLengthOverridesTheDefaultLimit() throws IOException {
    DeclaredForm agency = form("agency-registration.form");
    assertThat(agency.field("agencyName").maxLength()).isEqualTo(255);
    assertThat(agency.field("creditRecord").kind()).isEqualTo(Kind.TEXT);
    assertThat(agency.field("creditRecord").maxLength()).isEqualTo(4000);
    assertThat(agency.field("argumentedDecisions").maxLength()).isEqualTo(DeclaredForm.TEXT_LIMIT);
  }

  @Test
  void groupsWithoutPathAddTheirKeysAtTheTopLevel() throws IOException {
    DeclaredForm analysis = form("analysis.form");
    assertThat(analysis.variables()).containsKeys("scoreLegality", "findingsLegality", "scoreObjectives",
        "severeAdverseImpact", "otherIssues", "recommendationItems");
    assertThat(analysis.variables()).hasSize(20);
  }

  @Test
  void aDynamicListIsOneVariableWhoseItemsHaveTheListsFields() throws IOException {
    DeclaredForm consultations = form("consultation-records.form");
    assertThat(consultations.variables()).containsOnlyKeys("consultations");
    Field list = consultations.field("consultations");
    assertThat(list.kind()).isEqualTo(Kind.LIST);
    assertThat(list.label()).isEqualTo("征求意见记录");
    assertThat(list.children()).containsOnlyKeys("channel", "date", "participants", "opinionCount", "summary");
    assertThat(list.children().get("summary").kind()).isEqualTo(Kind.TEXT);
    assertThat(list.children().get("summary").label()).isEqualTo("主要情况");
  }

  @Test
  void pathedGroupsAndDottedKeysNestUnderTheirFirstSegmentAndDisabledFieldsDeclareNothing() {
    DeclaredForm form = DeclaredForm.fromCamundaForm("""
        {"components": [
          {"type": "group", "label": "地址", "path": "address", "components": [
            {"type": "textfield", "key": "street", "label": "街道"},
            {"type": "group", "path": "geo.point", "components": [{"type": "number", "key": "lat", "label": "纬度"}]}
          ]},
          {"type": "textarea", "key": "meta.note", "label": "备注"},
          {"type": "textfield", "key": "decisionTitle", "label": "决策名称", "disabled": true},
          {"type": "text", "text": "说明"},
          {"type": "button", "key": "submit", "label": "提交"}
        ]}""");
    assertThat(form.variables()).containsOnlyKeys("address", "meta");
    Field address = form.field("address");
    assertThat(address.kind()).isEqualTo(Kind.GROUP);
    assertThat(address.children()).containsOnlyKeys("street", "geo");
    assertThat(address.children().get("geo").children().get("point").children().get("lat").label()).isEqualTo("纬度");
    assertThat(form.field("meta").children().get("note").kind()).isEqualTo(Kind.TEXT);
  }

  @Test
  void anEmbeddedFormDeclaresItsCamVariableNamesWithLabels() throws IOException {
    DeclaredForm materials = form("supply-materials.html");
    assertThat(materials.variables()).containsOnlyKeys("materialFile1", "materialFile2", "materialFile3",
        "materialFile4", "materialFile5", "implementationData", "implementationProblems", "implementationRisks",
        "implementationSuggestions");
    assertThat(materials.field("materialFile1").kind()).isEqualTo(Kind.FILE);
    assertThat(materials.field("materialFile1").label()).isEqualTo("材料文件 1");
    assertThat(materials.field("implementationData").kind()).isEqualTo(Kind.TEXT);
    assertThat(materials.field("implementationData").label()).isEqualTo("实施情况数据");

    DeclaredForm review = form("review-draft-report.html");
    assertThat(review.variables()).containsOnlyKeys("revisedReport", "draftConfirmed", "draftReviewNotes");
    assertThat(review.field("draftConfirmed").kind()).isEqualTo(Kind.BOOLEAN);
    assertThat(review.field("draftConfirmed").label()).isEqualTo("已审阅报告初稿，确认进入下一环节");
    assertThat(review.field("draftReviewNotes").label()).isEqualTo("审核意见");
  }

  @Test
  void theRectificationReportDeclaresWhatTheUnitReportsAndNothingItOnlyReads() throws IOException {
    DeclaredForm report = form("rectification-report.html");
    // the item's text, unit, deadline, the review's remark and the stored files are shown, never submitted
    assertThat(report.variables()).containsOnlyKeys("rectificationMeasures", "rectificationEvidenceFile1",
        "rectificationEvidenceFile2", "rectificationEvidenceFile3", "rectificationEvidenceFile4",
        "rectificationEvidenceFile5", "rectificationEvidence", "rectificationStatus", "rectificationReason");
    assertThat(report.field("rectificationEvidenceFile1").kind()).isEqualTo(Kind.FILE);
    assertThat(report.field("rectificationEvidenceFile1").label()).isEqualTo("佐证材料文件 1（可选）");
    assertThat(report.field("rectificationStatus").kind()).isEqualTo(Kind.CHOICE);
    assertThat(report.field("rectificationStatus").label()).isEqualTo("整改状态");
    assertThat(report.field("rectificationMeasures").kind()).isEqualTo(Kind.TEXT);
  }

  @Test
  void embeddedFormAttributesAndScriptsAreReadLikeTheBrowserDoes() {
    DeclaredForm form = EmbeddedFormHtml.parse("""
        <form>
          <!-- <input cam-variable-name="commented"> -->
          <label for="t">标题 <em>*</em></label>
          <input id="t" type='text' maxlength=80 cam-variable-name = "title" cam-variable-type="String">
          <label>是否紧急 <input type="checkbox" cam-variable-name="urgent" cam-variable-type="Boolean"/></label>
          <select cam-variable-name="unit" multiple><option>一</option></select>
          <input type="hidden" cam-variable-name="picked">
          <script cam-script type="text/form-script">
            var s = '<input cam-variable-name="fromScript">';
          </script>
        </form>""");
    assertThat(form.variables()).containsOnlyKeys("title", "urgent", "unit", "picked");
    assertThat(form.field("title").label()).isEqualTo("标题");
    assertThat(form.field("title").maxLength()).isEqualTo(80);
    assertThat(form.field("urgent").label()).isEqualTo("是否紧急");
    assertThat(form.field("urgent").kind()).isEqualTo(Kind.BOOLEAN);
    assertThat(form.field("unit").kind()).isEqualTo(Kind.MULTI_CHOICE);
    assertThat(form.field("picked").labelOrKey()).isEqualTo("picked");
  }

  @Test
  void everyFormOfTheProjectCanBeRead() throws IOException {
    List<Path> files;
    try (Stream<Path> list = Files.list(Path.of("forms"))) {
      files = list.sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      DeclaredForm form = form(file.getFileName().toString());
      assertThat(form.variables()).as(file + " declares its fields").isNotEmpty();
      form.variables().values().forEach(f -> assertThat(f.maxLength() > 0 || f.kind() == Kind.GROUP
          || f.kind() == Kind.LIST).as(file + " " + f.key()).isTrue());
    }
  }
}
