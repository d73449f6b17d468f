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
    Problem problem = problemFor(exception);
    if (problem.status() == Status.INTERNAL_SERVER_ERROR.getStatusCode()) {
      LOG.log(Level.SEVERE, "Unexpected failure behind the REST API", exception);
    }
    return Response.status(problem.status())
        .type(MediaType.APPLICATION_JSON)
        .entity(problem)
        .build();
  }

  static Problem problemFor(Exception exception) {
    Throwable cause = unwrap(exception);
    if (cause instanceof WebApplicationException web) {
      return new Problem(web.getResponse().getStatus(), web.getMessage());
    }
    if (cause instanceof BadRequestProblem
        || cause instanceof CollectionRejectedException
        || cause instanceof ConstraintViolationException) {
      return new Problem(Status.BAD_REQUEST.getStatusCode(), cause.getMessage());
    }
    if (cause instanceof UnknownCollectionException) {
      return new Problem(Status.NOT_FOUND.getStatusCode(), cause.getMessage());
    }
    if (cause instanceof RunNotRestartableException) {
      return new Problem(Status.CONFLICT.getStatusCode(), cause.getMessage());
    }
    return new Problem(Status.INTERNAL_SERVER_ERROR.getStatusCode(), "internal error: " + cause);
  }

  private static Throwable unwrap(Throwable exception) {
    Throwable current = exception;
    while (current instanceof EJBException && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
