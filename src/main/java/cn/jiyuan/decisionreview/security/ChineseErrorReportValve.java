package cn.jiyuan.decisionreview.security;

import java.io.IOException;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat answers some requests before any application code runs: a path with {@code %00} or an encoded
 * {@code %2F}, a path or header longer than the limit. Its ErrorReportValve then writes an English HTML page
 * ("HTTP Status 400 – Bad Request"), also under {@code /api} and {@code /engine-rest}. This valve writes the
 * project's Chinese answer instead: JSON for API paths, a short Chinese page otherwise. Errors the application
 * answered itself are left alone, as by the original valve.
 */
public class ChineseErrorReportValve extends ErrorReportValve {

  public ChineseErrorReportValve() {
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      response.resetBuffer();
      String path = null;
      try {
        path = request.getRequestURI();
      } catch (RuntimeException e) {
        // an unparseable request: answered as JSON
      }
      boolean databaseAway = DatabaseFailures.unavailable(throwable);
      ChineseErrorController.Answer answer = databaseAway
          ? ChineseErrorController.answer(503, EngineErrorMessages.DATABASE_UNAVAILABLE, path, request.getHeader("Accept"))
          : ChineseErrorController.answer(status, path, request.getHeader("Accept"));
      if (databaseAway) {
        response.setStatus(503);
      }
      response.setContentType(answer.contentType());
      response.setCharacterEncoding("UTF-8");
      java.io.Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(answer.body());
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response cannot be written: nothing more to do
    }
  }

  /** True for Tomcat's own error valve and for this one, so that a customizer can replace the former. */
  static boolean isErrorReportValve(Valve valve) {
    return valve instanceof ErrorReportValve;
  }
}
