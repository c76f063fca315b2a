package kz.qatysu.territory.api;

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
import kz.qatysu.territory.application.TerritoryCatalog;
import kz.qatysu.territory.application.TerritoryCatalog.TerritoryDetail;
import kz.qatysu.territory.application.TerritoryCatalog.TerritoryPage;
import kz.qatysu.territory.domain.KatoCode;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Open data: the administrative-territorial classifier (KATO) as the platform uses it. */
@Path("/v1/territories")
@Produces(MediaType.APPLICATION_JSON)
@RequestScoped
@Tag(name = "Territories", description = "KATO units with names in Kazakh, Russian and English")
public class TerritoryResource {

    @EJB
    private TerritoryCatalog catalog;

    @GET
    @Operation(summary = "Territories in code order, paged; optionally the children of one unit")
    @APIResponse(responseCode = "200", description = "A page of territories")
    @APIResponse(responseCode = "400", description = "Invalid page, size or parent (problem+json, code invalid-parameter)")
    public TerritoryPage list(
            @Parameter(description = "Only the direct children of this KATO code; `top` for the top level")
            @QueryParam("parent") String parent,
            @Parameter(description = "Page number, from 0") @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size, 1 to 500") @QueryParam("size") @DefaultValue("100") String size) {
        int pageNumber = QueryParameters.page(page);
        int pageSize = QueryParameters.size(size);
        String parentFilter = null;
        if (parent != null) {
            if ("top".equals(parent)) {
                parentFilter = "";
            } else if (KatoCode.isWellFormed(parent)) {
                parentFilter = parent;
            } else {
                throw ApiProblem.badParameter("parent");
            }
        }
        return catalog.page(parentFilter, pageNumber, pageSize);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One territory with its ancestors and direct children")
    @APIResponse(responseCode = "200", description = "The territory")
    @APIResponse(responseCode = "400", description = "Not a KATO code (problem+json, code invalid-parameter)")
    @APIResponse(responseCode = "404", description = "No such territory (problem+json, code not-found)")
    public TerritoryDetail get(@Parameter(description = "Nine-digit KATO code") @PathParam("code") String code) {
        if (!KatoCode.isWellFormed(code)) {
            throw ApiProblem.badParameter("code");
        }
        return catalog.detail(KatoCode.of(code)).orElseThrow(ApiProblem::notFound);
    }
}
