package kz.qatysu.platform.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * Builds the archives the ITs deploy: the real WAR of this build (so the ITs test what ships), named ROOT so it
 * answers at the context root like in production, plus the test classes and AssertJ for in-container tests.
 */
public final class Deployments {

    private Deployments() {
    }

    /** The portal exactly as built (the tests run as a client use it as deployed by {@link SharedPortal}). */
    private static WebArchive portal() {
        File war = new File(System.getProperty("qatysu.war", "target/qatysu.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("Build the WAR first (mvn package): " + war.getAbsolutePath());
        }
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }

    /** The portal plus the test classes of the given packages, for tests that run inside the container. */
    public static WebArchive portalWithTests(Class<?>... testClasses) {
        WebArchive archive = portal();
        archive.delete("WEB-INF/payara-web.xml");
        archive.addAsWebInfResource(Deployments.class.getResource("/payara-web-it.xml"), "payara-web.xml")
                .addAsWebInfResource(Deployments.class.getResource("/glassfish-ejb-jar-it.xml"), "glassfish-ejb-jar.xml")
                .addClasses(RunAsCitizen.class, RunAsAdmin.class, RunAsBostandykResident.class, RunAsBostandykNeighbour.class,
                        RunAsEsilResident.class, RunAsBostandykModerator.class, RunAsBostandykReviewer.class,
                        RunAsEsilModerator.class, Database.class, Transactions.class)
                .addAsLibraries(Maven.resolver().loadPomFromFile(pom()).resolve("org.assertj:assertj-core")
                        .withTransitivity().asFile());
        for (Class<?> c : testClasses) {
            archive.addPackage(c.getPackage());
        }
        return archive;
    }

    private static File pom() {
        return new File(System.getProperty("qatysu.basedir", "."), "pom.xml");
    }
}
