package org.refocus.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.refocus.application.CollectionService;
import org.refocus.application.CollectionSummary;
import org.refocus.application.ImageView;
import org.refocus.application.IngestOptions;
import org.refocus.application.IngestService;
import org.refocus.application.RunView;

/** Collections of originals: register, list, ingest. */
@Path("/collections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CollectionResource {

  @Inject CollectionService collections;

  @Inject IngestService ingest;

  @Context UriInfo uriInfo;

  /** The request body of {@code POST /api/collections}. */
  public record NewCollection(String name, String originalsRoot) {}

  @GET
  public List<CollectionSummary> list() {
    return collections.list();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(NewCollection request) {
    if (request == null || isBlank(request.name()) || isBlank(request.originalsRoot())) {
      throw new BadRequestProblem("name and originalsRoot are required");
    }
    CollectionSummary created = collections.register(request.name(), request.originalsRoot());
    return Response.created(
            uriInfo.getAbsolutePathBuilder().path(Long.toString(created.id())).build())
        .entity(created)
        .build();
  }

  @GET
  @Path("/{id}")
  public CollectionSummary get(@PathParam("id") long id) {
    return collections.find(id).orElseThrow(() -> new NotFoundException("no collection " + id));
  }

  @GET
  @Path("/{id}/images")
  public List<ImageView> images(@PathParam("id") long id) {
    get(id);
    return collections.images(id);
  }

  /**
   * Starts an ingest run. {@code checkpointEvery} sets the chunk size; {@code failOnPath} is fault
   * injection for restart tests and is ignored unless the server enables it.
   */
  @POST
  @Path("/{id}/ingest")
  public Response startIngest(
      @PathParam("id") long id,
      @QueryParam("checkpointEvery") Integer checkpointEvery,
      @QueryParam("failOnPath") String failOnPath) {
    if (checkpointEvery != null && checkpointEvery < 1) {
      throw new BadRequestProblem("checkpointEvery must be at least 1");
    }
    RunView run = ingest.startIngest(id, new IngestOptions(checkpointEvery, failOnPath));
    return Response.accepted(run).location(RunResource.location(uriInfo, run)).build();
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }
}
