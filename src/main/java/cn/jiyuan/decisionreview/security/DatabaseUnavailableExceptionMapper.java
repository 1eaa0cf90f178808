package cn.jiyuan.decisionreview.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * Engine REST: an engine exception whose cause is a database that is away ({@link DatabaseFailures}) answers 503 with
 * the Chinese message, whatever the engine's own message says; every other one is answered as Camunda's
 * ProcessEngineExceptionHandler does. (Spring's transaction failures, which are no engine exceptions, are answered by
 * Camunda's generic handler with their class name, which {@link EngineErrorMessages} turns into the same 503.)
 */
@Provider
@Priority(1)
public class DatabaseUnavailableExceptionMapper implements ExceptionMapper<ProcessEngineException> {

  @Override
  public Response toResponse(ProcessEngineException exception) {
    return DatabaseFailures.unavailable(exception) ? unavailable()
        : ExceptionHandlerHelper.getInstance().getResponse(exception);
  }

  static Response unavailable() {
    ExceptionDto dto = new ExceptionDto();
    dto.setType("ServerError");
    dto.setMessage(EngineErrorMessages.DATABASE_UNAVAILABLE);
    return Response.status(Response.Status.SERVICE_UNAVAILABLE).entity(dto).type(MediaType.APPLICATION_JSON_TYPE)
        .build();
  }
}
