package kz.qatysu.platform.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/** Activates Faces 4 CDI integration. */
@FacesConfig
@ApplicationScoped
public class FacesConfiguration {
}
