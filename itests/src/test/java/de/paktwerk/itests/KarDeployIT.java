package de.paktwerk.itests;

import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Hot deploy: a distribution started without the funding-area modules receives each module's .kar in deploy/; the
 * module serves, and is gone again when the .kar is removed, while the core keeps serving.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarDeployIT extends PaktwerkTestSupport {

    /** Boots every feature the distribution boots, except the module. */
    @Override
    protected Option extraOptions() {
        Properties cfg = new Properties();
        try (var in = Files.newInputStream(Path.of("../karaf-assembly/target/assembly/etc/org.apache.karaf.features.cfg"))) {
            cfg.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String boot = Arrays.stream(cfg.getProperty("featuresBoot").split(","))
                .map(String::trim)
                .filter(f -> !f.startsWith("paktwerk-integration-management") && !f.startsWith("paktwerk-youth-career")
                        && !f.startsWith("paktwerk-language-courses") && !f.startsWith("paktwerk-civic-engagement"))
                .collect(Collectors.joining(","));
        return editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "featuresBoot", boot);
    }

    @Override
    protected java.util.List<String> bootAreas() {
        return java.util.List.of();
    }

    @Test
    public void theModulesKarDroppedIntoDeployServesAndIsRemovedAgain() throws Exception {
        assertTrue(get("/api/core/funding-areas", APPROVER1).expect(200).body().equals("[]"));
        for (String[] module : new String[][] {{"paktwerk-integration-management", "/api/integration-management/positions", "integration-management"},
                {"paktwerk-youth-career", "/api/youth-career/positions", "youth-career"},
                {"paktwerk-language-courses", "/api/language-courses/courses", "language-courses"},
                {"paktwerk-civic-engagement", "/api/civic-engagement/calls", "civic-engagement"}}) {
            get(module[1], APPROVER1).expect(404);
            String version = System.getProperty("paktwerk.version");
            Path kar = Path.of(System.getProperty("paktwerk.itest.m2"), "de/paktwerk/" + module[0], version, module[0] + "-" + version + ".kar");
            Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", kar.getFileName().toString());
            Files.copy(kar, deployed, StandardCopyOption.REPLACE_EXISTING);

            await(module[0] + " aus dem .kar antwortet", Duration.ofSeconds(60), () -> get(module[1], APPROVER1).status() == 200);
            assertTrue(get("/api/core/funding-areas", APPROVER1).body().contains("\"" + module[2] + "\""));

            Files.delete(deployed);
            await(module[0] + " nach Entfernen des .kar verschwunden", Duration.ofSeconds(60), () -> get(module[1], APPROVER1).status() == 404);
            await("Förderbereich nicht mehr gelistet", Duration.ofSeconds(10),
                    () -> get("/api/core/funding-areas", APPROVER1).body().equals("[]"));
            get("/api/core/periods", APPROVER1).expect(200);
        }
    }
}
