package kz.qatysu.platform.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductionSafetyTest {

    @Test
    void aSafeProductionConfigurationHasNoViolations() {
        var safety = new ProductionSafety("production", false, "Production", "https://sso.qatysu.kz/realms/qatysu", "egov");

        assertThat(safety.violations()).isEmpty();
    }

    @Test
    void productionRefusesDemoDataDevelopmentStageAndALocalPlainHttpProvider() {
        var safety = new ProductionSafety("production", true, "Development", "http://localhost:8180/realms/qatysu", "egov");

        assertThat(safety.violations()).hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("demo data"))
                .anySatisfy(v -> assertThat(v).contains("stage"))
                .anySatisfy(v -> assertThat(v).contains("HTTPS"));
    }

    @Test
    void productionRefusesALoopbackProviderEvenOverHttps() {
        var safety = new ProductionSafety("production", false, "Production", "https://127.0.0.1/realms/qatysu", "egov");

        assertThat(safety.violations()).singleElement().satisfies(v -> assertThat(v).contains("local"));
    }

    @Test
    void developmentAllowsEverything() {
        var safety = new ProductionSafety("development", true, "Development", "http://localhost:8180/realms/qatysu", "");

        assertThat(safety.violations()).isEmpty();
    }
}
