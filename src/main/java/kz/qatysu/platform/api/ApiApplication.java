package kz.qatysu.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;

/**
 * The REST API under {@code /api}: the public open-data face of the platform (territories, rounds, results) and,
 * later, the mobile API. Documented by MicroProfile OpenAPI at {@code /openapi}. Errors are RFC 9457 problem
 * documents ({@code application/problem+json}) with stable codes.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(
        title = "Qatysu API",
        version = "1",
        description = "Participatory budgeting of Kazakhstan: public open data and the mobile API. "
                + "Errors are RFC 9457 problem documents with a stable `code`.",
        contact = @Contact(name = "Qatysu operators"),
        license = @License(name = "Open data: CC BY 4.0")))
public class ApiApplication extends Application {
}
