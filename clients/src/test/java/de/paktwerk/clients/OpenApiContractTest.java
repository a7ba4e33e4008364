package de.paktwerk.clients;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.paktwerk.core.api.ProblemType;
import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.Test;

/**
 * The OpenAPI documents as a contract for integrators: every operation named, its success and refusals
 * documented with schemas, Basic and Bearer declared, every problem type listed, numbers typed as numbers.
 */
public class OpenApiContractTest {

    static final String[] DOCUMENTS = {"../bundles/core/target/classes/openapi/core.json",
            "../bundles/integration-management/target/classes/openapi/integration-management.json",
            "../bundles/youth-career/target/classes/openapi/youth-career.json",
            "../bundles/language-courses/target/classes/openapi/language-courses.json",
            "../bundles/civic-engagement/target/classes/openapi/civic-engagement.json"};

    @Test
    public void everyOperationIsNamedAndDocumentsItsAnswers() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String path : DOCUMENTS) {
            JsonNode doc = new ObjectMapper().readTree(new File(path));
            Set<String> ids = new HashSet<>();
            for (Iterator<Map.Entry<String, JsonNode>> p = doc.path("paths").fields(); p.hasNext(); ) {
                Map.Entry<String, JsonNode> e = p.next();
                for (Iterator<Map.Entry<String, JsonNode>> m = e.getValue().fields(); m.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = m.next();
                    String where = path + " " + op.getKey().toUpperCase() + " " + e.getKey();
                    String id = op.getValue().path("operationId").asText();
                    if (id.isEmpty() || id.matches(".*_\\d+") || !ids.add(id)) {
                        wrong.add(where + ": operationId '" + id + "'");
                    }
                    JsonNode responses = op.getValue().path("responses");
                    if (responses.has("default")) {
                        wrong.add(where + ": nur 'default' als Antwort");
                    }
                    boolean success = false;
                    for (Iterator<String> codes = responses.fieldNames(); codes.hasNext(); ) {
                        String code = codes.next();
                        JsonNode r = responses.get(code);
                        if (code.startsWith("2")) {
                            success = true;
                        } else if (!r.path("$ref").asText().startsWith("#/components/responses/")) {
                            wrong.add(where + ": Antwort " + code + " ohne Problem-Schema");
                        }
                    }
                    if (!success) {
                        wrong.add(where + ": keine 2xx-Antwort");
                    }
                    // answers without credentials are marked x-paktwerk-public (health, the documents themselves)
                    boolean open = op.getValue().path("x-paktwerk-public").asBoolean(false);
                    if (!open && !responses.has("401")) {
                        wrong.add(where + ": 401 fehlt");
                    }
                    for (JsonNode param : op.getValue().path("parameters")) {
                        String name = param.path("name").asText();
                        boolean numeric = Set.of("offset", "limit", "position").contains(name) || ("id".equals(name) && !e.getKey().startsWith("/cases"));
                        if (numeric && !"integer".equals(param.path("schema").path("type").asText())) {
                            wrong.add(where + ": Parameter " + name + " ist nicht als Zahl typisiert");
                        }
                    }
                }
            }
            JsonNode schemes = doc.path("components").path("securitySchemes");
            assertEquals(path, "basic", schemes.path("basicAuth").path("scheme").asText());
            assertEquals(path, "bearer", schemes.path("bearerAuth").path("scheme").asText());
            Set<String> listed = new TreeSet<>();
            doc.path("components").path("schemas").path("Problem").path("properties").path("type").path("enum").forEach(t -> listed.add(t.asText()));
            Set<String> known = new TreeSet<>();
            for (ProblemType t : ProblemType.values()) {
                known.add(t.uri());
            }
            assertEquals(path + ": jeder Problemtyp steht im Dokument", known, listed);
        }
        assertTrue(String.join("\n", wrong), wrong.isEmpty());
    }
}
