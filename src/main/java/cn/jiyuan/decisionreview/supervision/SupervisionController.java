package cn.jiyuan.decisionreview.supervision;

import cn.jiyuan.decisionreview.security.ApiAuthenticationFilter;
import cn.jiyuan.decisionreview.security.CurrentUser;
import cn.jiyuan.decisionreview.shared.CarriesOut;
import cn.jiyuan.decisionreview.shared.Groups;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/supervision/decisions}: the 督办 board behind Cockpit's 督办 page. It spans every decision and
 * evaluation, so only the roles that read all of them may see it: 督办科, the legal office, the decision authority
 * and administrators; an executing unit, agency or expert gets 403 (Art. 23 keeps evaluations to their participants).
 */
@RestController
@CarriesOut({"条例第三十四条", "条例第四十条"})
public class SupervisionController {

  static final List<String> READERS = List.of(Groups.SUPERVISION_OFFICE, Groups.LEGAL_AFFAIRS,
      Groups.DECISION_AUTHORITY, Groups.CAMUNDA_ADMIN);

  static final String REFUSAL = "督办情况仅供市政府办公室督办科、市司法局和决策机关查看，您无权查看。";

  private final SupervisionBoard board;

  public SupervisionController(SupervisionBoard board) {
    this.board = board;
  }

  @GetMapping("/api/supervision/decisions")
  public SupervisionBoard.Board decisions(HttpServletRequest request) {
    CurrentUser user = (CurrentUser) request.getAttribute(ApiAuthenticationFilter.CURRENT_USER_ATTRIBUTE);
    if (user == null || READERS.stream().noneMatch(user::isMember)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, REFUSAL);
    }
    return board.board();
  }
}
