package kz.qatysu.round.api;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import kz.qatysu.platform.api.ApiProblem;
import kz.qatysu.platform.api.QueryParameters;
import kz.qatysu.round.application.RoundCatalog;
import kz.qatysu.round.application.RoundCatalog.ProposalPage;
import kz.qatysu.round.application.RoundCatalog.RoundPage;
import kz.qatysu.round.application.RoundCatalog.RoundView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Open data: participatory-budgeting rounds, their frozen rules manifests and their public proposals. */
@Path("/v1/rounds")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Rounds", description = "Budget rounds, rules manifests and proposals")
public class RoundResource {

    @EJB
    private RoundCatalog catalog;

    @GET
    @Operation(summary = "Rounds, newest first, paged")
    @APIResponse(responseCode = "200", description = "A page of rounds")
    @APIResponse(responseCode = "400", description = "Invalid page or size (problem+json, code invalid-parameter)")
    public RoundPage list(@Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") String page,
                          @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("50") String size) {
        return catalog.rounds(QueryParameters.page(page), QueryParameters.size(size));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One round: territory, titles, phase, budget; the rules manifest and its SHA-256 once voting opened")
    @APIResponse(responseCode = "200", description = "The round")
    @APIResponse(responseCode = "404", description = "No such round (problem+json, code not-found)")
    public RoundView get(@PathParam("id") String id) {
        return catalog.round(QueryParameters.id(id)).orElseThrow(ApiProblem::notFound);
    }

    @GET
    @Path("/{id}/proposals")
    @Operation(summary = "The public proposals of a round (moderated ones), paged")
    @APIResponse(responseCode = "200", description = "A page of proposals: id, title, category, status, assessed cost")
    @APIResponse(responseCode = "404", description = "No such round (problem+json, code not-found)")
    public ProposalPage proposals(@PathParam("id") String id,
                                  @QueryParam("page") @DefaultValue("0") String page,
                                  @QueryParam("size") @DefaultValue("50") String size) {
        return catalog.proposals(QueryParameters.id(id), QueryParameters.page(page), QueryParameters.size(size))
                .orElseThrow(ApiProblem::notFound);
    }
}
