package org.refocus.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.refocus.application.IngestService;
import org.refocus.application.RunView;

/** Batch runs: progress, metrics and restart from the last checkpoint. */
@Path("/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

  @Inject IngestService ingest;

  @Context UriInfo uriInfo;

  @GET
  @Path("/{executionId}")
  public RunView get(@PathParam("executionId") long executionId) {
    return ingest
        .run(executionId)
        .orElseThrow(() -> new NotFoundException("no run " + executionId));
  }

  @POST
  @Path("/{executionId}/restart")
  public Response restart(@PathParam("executionId") long executionId) {
    RunView restarted = ingest.restart(executionId);
    return Response.accepted(restarted).location(location(uriInfo, restarted)).build();
  }

  static URI location(UriInfo uriInfo, RunView run) {
    return uriInfo
        .getBaseUriBuilder()
        .path(RunResource.class)
        .path(Long.toString(run.executionId()))
        .build();
  }
}
