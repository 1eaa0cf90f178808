package cn.jiyuan.decisionreview.assessment;

import cn.jiyuan.decisionreview.download.ContentDispositions;
import cn.jiyuan.decisionreview.security.ApiAuthenticationFilter;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.CarriesOut;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/assessment/{year}} and {@code …/{year}.xlsx} (Art. 26, contract): the annual figures per executing
 * unit and the evaluations per decision, as JSON and as a printable workbook. An executing unit reads its own row
 * and decisions; experts and agencies get 403.
 */
@RestController
@CarriesOut({"第二十六条"})
public class AssessmentController {

  private final AnnualAssessments assessments;

  public AssessmentController(AnnualAssessments assessments) {
    this.assessments = assessments;
  }

  @GetMapping("/api/assessment/{year}.xlsx")
  public ResponseEntity<byte[]> workbook(@PathVariable String year, HttpServletRequest request) {
    AssessmentReport report = read(year, request);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDispositions.attachment(AssessmentWorkbook.fileName(report.year())))
        .contentType(MediaType.parseMediaType(AssessmentWorkbook.MIME_TYPE))
        .body(assessments.workbook(report));
  }

  @GetMapping("/api/assessment/{year}")
  public AssessmentReport json(@PathVariable String year, HttpServletRequest request) {
    return read(year, request);
  }

  private AssessmentReport read(String year, HttpServletRequest request) {
    CurrentUser user = (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
    // who first, then the year: an expert learns nothing from the answer to a bad year
    assessments.visibleUnits(user);
    return assessments.report(user, assessments.year(year));
  }
}
