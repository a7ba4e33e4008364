package de.paktwerk.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * A bounded fuzz over every operation of every served OpenAPI document (the core and each funding area), as the admin
 * and as a municipality user: path parameters, query parameters and bodies made from the operation's own schema and
 * then broken (wrong types, numbers for amounts, nulls, unknown and unprintable text, huge values, malformed JSON).
 * Whatever the input, the answer is never a 5xx. The seed is fixed, so a failure is reproducible; the list of every
 * 5xx with its request is the failure message.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FuzzIT extends PaktwerkTestSupport {

    static final int BODIES_PER_OPERATION = 7;
    static final String FUZZ_ADMIN = "fuzzadmin";

    @Override
    protected org.ops4j.pax.exam.Option extraOptions() {
        return org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut("etc/users.properties", FUZZ_ADMIN,
                STORED_PW + ",admin");
    }
    private static final JsonNodeFactory N = JsonNodeFactory.instance;
    private final Random random = new Random(20261207L);

    @Test
    public void noInputOfAnyOperationOfAnyApiGivesA5xx() throws Exception {
        // some records, so that ids in paths reach real rows
        put("/api/core/periods/2017/budgets/integration-management", APPROVER1, "{\"amount\":\"58000000.00\"}").expect(200);
        post("/api/core/distributions", APPROVER1, "{\"areaId\":\"integration-management\",\"periodId\":\"2017\",\"kind\":\"FINAL\","
                + "\"amount\":\"35000000.00\",\"referenceDate\":\"2017-09-15\"}").expect(201);
        long app = post("/api/core/applications", ULM_USER, "{\"applicantKey\":\"08421000\",\"areaId\":\"integration-management\","
                + "\"periodId\":\"2017\",\"requested\":\"68000.00\",\"payload\":{\"positions\":[{\"managerName\":\"A. Beispiel\",\"fte\":\"0.5\","
                + "\"qualification\":\"SOCIAL_WORK\",\"hireDate\":\"2017-10-01\"}]}}").expect(201).json().path("id").asLong();
        post("/api/core/applications/" + app + "/submit", ULM_USER, null).expect(200);

        List<String> docs = new ArrayList<>(List.of("/api/core/openapi.json"));
        for (JsonNode a : get("/api/core/funding-areas", APPROVER1).expect(200).json()) {
            docs.add("/api/" + a.path("id").asText() + "/openapi.json");
        }
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String doc : docs) {
            JsonNode api = JSON.readTree(request("GET", doc, null, null, null).expect(200).body());
            String base = api.path("servers").path(0).path("url").asText(doc.substring(0, doc.lastIndexOf('/')));
            for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> p = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String method = op.getKey().toUpperCase();
                    if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                        continue;
                    }
                    for (String user : new String[] {FUZZ_ADMIN, ULM_USER}) {
                        for (int i = 0; i < BODIES_PER_OPERATION; i++) {
                            String url = base + path(p.getKey(), op.getValue(), i) + query(op.getValue(), i);
                            JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                            String body = null;
                            String type = null;
                            if (!op.getValue().path("requestBody").isMissingNode()) {
                                type = schema.isMissingNode() ? "text/csv" : "application/json";
                                body = schema.isMissingNode() ? "ags;anzahl\n=1+1;x\n" : body(api, schema, i);
                            }
                            Resp r = request(method, url, user, type, body);
                            requests++;
                            if (r.status() >= 500) {
                                failures.add(method + " " + url + " als " + user + " → " + r.status() + "\n  Körper: "
                                        + (body == null ? "-" : body.length() > 300 ? body.substring(0, 300) + "…" : body) + "\n  Antwort: " + r.body());
                            }
                        }
                    }
                }
            }
        }
        System.out.println("Fuzz: " + requests + " Anfragen über " + docs.size() + " OpenAPI-Dokumente, " + failures.size() + " × 5xx");
        assertTrue(failures.size() + " × 5xx bei " + requests + " Anfragen:\n" + String.join("\n", failures), failures.isEmpty());
        assertTrue("zu wenige Anfragen: " + requests, requests > 1000);
    }

    /** What an amount or a share of a position is called in the areas' bodies: always text such as "0.50". */
    static final Pattern AMOUNT = Pattern.compile("(?i).*(fte|amount|costs|budget|grant|contribution|funds|personnel).*");

    /**
     * Every field of every area's bodies that holds an amount or an FTE share — on the module's own endpoints and inside the
     * payload of {@code POST /api/core/applications} and its pricing — refuses a JSON number ({@code "fte": 0.5},
     * {@code "totalCosts": 14000}) and a key given twice, with 400 and the field's path in the body.
     */
    @Test
    public void everyAmountIsTextAndEveryKeyOnceInEveryAreaWithItsField() throws Exception {
        Map<String, List<String>> failures = new TreeMap<>();
        Map<String, TreeSet<String>> checked = new TreeMap<>();
        for (JsonNode a : get("/api/core/funding-areas", APPROVER1).expect(200).json()) {
            String area = a.path("id").asText();
            JsonNode api = JSON.readTree(request("GET", "/api/" + area + "/openapi.json", null, null, null).expect(200).body());
            String base = api.path("servers").path(0).path("url").asText("/api/" + area);
            for (Iterator<Map.Entry<String, JsonNode>> paths = api.path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> p = paths.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                    if (schema.isMissingNode()) {
                        continue;
                    }
                    String url = base + p.getKey().replaceAll("\\{[^}]+}", "1");
                    boolean pricing = p.getKey().equals("/pricing");
                    for (List<Object> field : amountFields(api, schema, new ArrayList<>(), 0)) {
                        String at = pathOf(field);
                        checked.computeIfAbsent(area, k -> new TreeSet<>()).add(op.getKey().toUpperCase() + " " + p.getKey() + " " + at);
                        refuses(failures, op.getKey().toUpperCase(), url, body(field, false), at, "invalid-input");
                        refuses(failures, op.getKey().toUpperCase(), url, body(field, true), at, "duplicate-field");
                        if (pricing) { // the same payload inside an application, at the core's doors
                            for (String door : new String[] {"/api/core/applications", "/api/core/applications/pricing"}) {
                                for (boolean twice : new boolean[] {false, true}) {
                                    String wrapped = "{\"applicantKey\":\"08111000\",\"areaId\":\"" + area + "\",\"periodId\":\"2018\","
                                            + "\"requested\":\"1000.00\",\"payload\":" + body(field, twice) + "}";
                                    refuses(failures, "POST", door, wrapped, "payload." + at, twice ? "duplicate-field" : "invalid-input");
                                }
                            }
                        }
                    }
                }
            }
        }
        System.out.println("Beträge als Text: " + checked);
        assertTrue(String.valueOf(checked.get("youth-career")), checked.get("youth-career").containsAll(List.of(
                "POST /pricing positions[0].fte", "POST /pricing personnelCosts")));
        assertTrue(String.valueOf(checked.get("civic-engagement")), checked.get("civic-engagement").contains("POST /pricing project.totalCosts"));
        assertTrue(String.valueOf(checked.get("integration-management")), checked.get("integration-management").containsAll(List.of(
                "POST /pricing positions[0].fte", "POST /positions fte")));
        assertTrue(String.valueOf(checked.get("language-courses")), checked.get("language-courses").contains("POST /pricing courses[0].travelBudget"));
        assertEquals("", String.join("\n", failures.values().stream().flatMap(List::stream).toList()));
    }

    private void refuses(Map<String, List<String>> failures, String method, String url, String body, String field, String type) {
        Resp r = request(method, url, FUZZ_ADMIN, "application/json", body);
        String problem = r.status() + " " + (r.body().contains("\"urn:paktwerk:problem:" + type + "\"") ? type : "?") + " "
                + (r.body().contains("\"field\":\"" + field + "\"") ? field : "?");
        if (!problem.equals("400 " + type + " " + field)) {
            failures.computeIfAbsent(url, k -> new ArrayList<>()).add(method + " " + url + " " + body + " → " + r.status() + " " + r.body());
        }
    }

    /** Paths (names and list indexes) of the string fields named like an amount, at most four levels deep. */
    private List<List<Object>> amountFields(JsonNode api, JsonNode schema, List<Object> at, int depth) {
        List<List<Object>> found = new ArrayList<>();
        JsonNode s = resolve(api, schema);
        if (depth > 4) {
            return found;
        }
        if ("array".equals(s.path("type").asText())) {
            List<Object> inner = new ArrayList<>(at);
            inner.add(0);
            found.addAll(amountFields(api, s.path("items"), inner, depth + 1));
            return found;
        }
        for (Iterator<Map.Entry<String, JsonNode>> f = s.path("properties").fields(); f.hasNext(); ) {
            Map.Entry<String, JsonNode> e = f.next();
            List<Object> inner = new ArrayList<>(at);
            inner.add(e.getKey());
            JsonNode ps = resolve(api, e.getValue());
            if ("string".equals(ps.path("type").asText()) && !ps.has("enum") && AMOUNT.matcher(e.getKey()).matches()) {
                found.add(inner);
            } else {
                found.addAll(amountFields(api, e.getValue(), inner, depth + 1));
            }
        }
        return found;
    }

    private static String pathOf(List<Object> field) {
        StringBuilder sb = new StringBuilder();
        for (Object o : field) {
            sb.append(o instanceof Integer i ? "[" + i + "]" : (sb.length() == 0 ? "" : ".") + o);
        }
        return sb.toString();
    }

    /** The smallest body with the field: as a JSON number (0.5 for a share, 14000 for an amount), or as text given twice. */
    private static String body(List<Object> field, boolean twice) {
        String leaf = (String) field.get(field.size() - 1);
        String value = twice ? "\"" + leaf + "\":\"1.00\",\"" + leaf + "\":\"1.00\""
                : "\"" + leaf + "\":" + (leaf.toLowerCase().contains("fte") ? "0.5" : "14000");
        String json = "{" + value + "}";
        for (int i = field.size() - 2; i >= 0; i--) {
            json = field.get(i) instanceof Integer ? "[" + json + "]" : "{\"" + field.get(i) + "\":" + json + "}";
        }
        return json;
    }

    private String path(String template, JsonNode op, int i) {
        String[] values = {"1", "0", "-1", "999999999999999999999", "abc", "%00", "1;drop"};
        String path = template;
        for (JsonNode param : op.path("parameters")) {
            if ("path".equals(param.path("in").asText())) {
                String v = i == 0 && param.path("schema").path("type").asText().equals("string") ? "08421000" : values[i % values.length];
                path = path.replace("{" + param.path("name").asText() + "}", v);
            }
        }
        return path;
    }

    private String query(JsonNode op, int i) {
        String[] values = {"", "2017", "-5", "abc", "99999999999999999999", "\u0000", "2017-02-30"};
        StringBuilder q = new StringBuilder();
        for (JsonNode param : op.path("parameters")) {
            if ("query".equals(param.path("in").asText()) && (i % 2 == 1 || param.path("required").asBoolean())) {
                q.append(q.length() == 0 ? "?" : "&").append(URLEncoder.encode(param.path("name").asText(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(values[(i + q.length()) % values.length], StandardCharsets.UTF_8));
            }
        }
        return q.toString();
    }

    /** Body number i: 0 and 1 from the schema as it is meant, then broken ones. */
    private String body(JsonNode api, JsonNode schema, int i) throws Exception {
        switch (i) {
            case 0:
                return JSON.writeValueAsString(valid(api, schema, 0));
            case 1:
                return JSON.writeValueAsString(broken(api, schema));
            case 2:
                return "{\"unbekannt\":1," + JSON.writeValueAsString(valid(api, schema, 0)).substring(1);
            case 3:
                return "{\"a\":" + "[".repeat(70) + "]".repeat(70) + "}";
            case 4:
                return "{\"amount\":5,\"fte\":0.5,\"totalCosts\":14000,\"payload\":{\"positions\":[{\"fte\":0.5}]}}";
            case 5:
                return random.nextBoolean() ? "[]" : "null";
            default:
                return "{\"x\":\"\\u0000\\ud800\",";
        }
    }

    private JsonNode resolve(JsonNode api, JsonNode schema) {
        for (int depth = 0; schema.has("$ref") && depth < 10; depth++) {
            String ref = schema.path("$ref").asText();
            schema = api.at(ref.substring(1));
        }
        if (schema.has("allOf") && schema.path("allOf").size() > 0) {
            return resolve(api, schema.path("allOf").get(0));
        }
        if (schema.has("oneOf") && schema.path("oneOf").size() > 0) {
            return resolve(api, schema.path("oneOf").get(0));
        }
        return schema;
    }

    private JsonNode valid(JsonNode api, JsonNode schema, int depth) {
        JsonNode s = resolve(api, schema);
        if (depth > 6) {
            return N.nullNode();
        }
        if (s.has("enum") && s.path("enum").size() > 0) {
            return s.path("enum").get(random.nextInt(s.path("enum").size()));
        }
        switch (s.path("type").asText("object")) {
            case "string":
                String format = s.path("format").asText();
                if ("date".equals(format)) {
                    return N.textNode("2017-10-01");
                }
                String[] texts = {"1000.00", "0.50", "08421000", "2017", "Begegnung ☕ مرحبا Привет", "2017/18", "x"};
                return N.textNode(texts[random.nextInt(texts.length)]);
            case "integer":
                return N.numberNode(1 + random.nextInt(3));
            case "number":
                return N.numberNode(1.5);
            case "boolean":
                return N.booleanNode(random.nextBoolean());
            case "array":
                ArrayNode a = N.arrayNode();
                a.add(valid(api, s.path("items"), depth + 1));
                return a;
            default:
                ObjectNode o = N.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> f = s.path("properties").fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = f.next();
                    o.set(e.getKey(), valid(api, e.getValue(), depth + 1));
                }
                return o;
        }
    }

    /** The schema's body with each field given a value of another kind, or an extreme one. */
    private JsonNode broken(JsonNode api, JsonNode schema) {
        JsonNode v = valid(api, schema, 0);
        if (!(v instanceof ObjectNode o)) {
            return N.textNode("kein Objekt");
        }
        JsonNode[] bad = {N.numberNode(0.5), N.textNode("-99999999999999999.99"), N.nullNode(), N.textNode("x".repeat(5000)),
            N.booleanNode(true), N.objectNode(), N.arrayNode(), N.textNode(""), N.numberNode(Long.MAX_VALUE), N.textNode("9999-99-99")};
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            o.set(name, bad[random.nextInt(bad.length)]);
        }
        return o;
    }
}
