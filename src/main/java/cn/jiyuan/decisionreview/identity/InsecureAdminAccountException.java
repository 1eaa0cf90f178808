package cn.jiyuan.decisionreview.identity;

/** Start-up refusal; {@link InsecureAdminAccountFailureAnalyzer} prints it without a stack trace. */
public class InsecureAdminAccountException extends RuntimeException {

  public InsecureAdminAccountException(String message) {
    super(message);
  }
}
