package cn.jiyuan.decisionreview.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * {@code POST /process-definition/key/{key}/start} wraps every engine exception in a 500. A database that is away
 * (found in the cause chain, {@link DatabaseFailures}) is a 503 with the Chinese message. A refused
 * start (a {@link FormFieldValidationException} from a start listener) is the caller's fault: answer 400
 * with the Chinese message, as task completion and start-form submission already do.
 */
@Provider
@Priority(1)
public class RestValidationExceptionMapper implements ExceptionMapper<RestException> {

  @Override
  public Response toResponse(RestException exception) {
    if (DatabaseFailures.unavailable(exception)) {
      // e.g. a start whose transaction could not commit: the engine's message does not say so, the cause does
      return DatabaseUnavailableExceptionMapper.unavailable();
    }
    FormFieldValidationException refusal = findRefusal(exception);
    if (refusal == null) {
      return ExceptionHandlerHelper.getInstance().getResponse(exception);
    }
    ExceptionDto dto = ExceptionHandlerHelper.getInstance().fromException(refusal);
    return Response.status(Response.Status.BAD_REQUEST).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
  }

  static FormFieldValidationException findRefusal(Throwable t) {
    for (Throwable cause = t; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException refusal) {
        return refusal;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return null;
  }
}
