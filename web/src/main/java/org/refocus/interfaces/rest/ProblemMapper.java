package org.refocus.interfaces.rest;

import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.refocus.application.CollectionRejectedException;
import org.refocus.application.RunNotRestartableException;
import org.refocus.application.UnknownCollectionException;

/** Turns the application's refusals into JSON problems with the right status code. */
@Provider
public class ProblemMapper implements ExceptionMapper<Exception> {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

  @Override
  public Response toResponse(Exception exception) {
    Throwable cause = unwrap(exception);
    if (cause instanceof WebApplicationException web) {
      return problem(web.getResponse().getStatus(), web.getMessage());
    }
    if (cause instanceof BadRequestProblem
        || cause instanceof CollectionRejectedException
        || cause instanceof ConstraintViolationException
        || cause instanceof IllegalArgumentException) {
      return problem(Status.BAD_REQUEST.getStatusCode(), cause.getMessage());
    }
    if (cause instanceof UnknownCollectionException) {
      return problem(Status.NOT_FOUND.getStatusCode(), cause.getMessage());
    }
    if (cause instanceof RunNotRestartableException) {
      return problem(Status.CONFLICT.getStatusCode(), cause.getMessage());
    }
    LOG.log(Level.SEVERE, "Unexpected failure behind the REST API", exception);
    return problem(Status.INTERNAL_SERVER_ERROR.getStatusCode(), "internal error: " + cause);
  }

  private static Throwable unwrap(Throwable exception) {
    Throwable current = exception;
    while (current instanceof EJBException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }

  private static Response problem(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON)
        .entity(new Problem(status, message))
        .build();
  }
}
