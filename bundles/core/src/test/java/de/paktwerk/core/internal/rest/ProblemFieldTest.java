package de.paktwerk.core.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.paktwerk.core.api.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import org.junit.Test;

/** Problems name the input field they concern, so that a form can put the German detail next to it. */
public class ProblemFieldTest {

    record Position(String fte, LocalDate hireDate, int months) {
    }

    record Body(String applicantKey, List<Position> positions) {
    }

    static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule()).build();

    static Problem readFailure(String json) {
        try {
            MAPPER.readValue(json, Body.class);
        } catch (Exception e) {
            return ProblemMapper.problem(e);
        }
        throw new AssertionError("lesbar: " + json);
    }

    @Test
    public void aBadValueInAListNamesItsPath() {
        Problem p = readFailure("{\"positions\":[{\"fte\":\"0.5\"},{\"hireDate\":\"gestern\"}]}");
        assertEquals("positions[1].hireDate", p.field());
        assertEquals(400, p.status());
        assertEquals("urn:paktwerk:problem:invalid-input", p.type());
    }

    @Test
    public void aWrongTypeNamesItsPath() {
        assertEquals("positions[0].months", readFailure("{\"positions\":[{\"months\":\"zwölf\"}]}").field());
        assertEquals("positions", readFailure("{\"positions\":{\"fte\":\"1\"}}").field());
    }

    @Test
    public void aKeyGivenTwiceNamesWhereItIs() {
        ObjectMapper strict = de.paktwerk.core.internal.json.Json.create();
        for (String[] c : new String[][] {{"{\"a\":1,\"a\":2}", "a"},
                {"{\"payload\":{\"positions\":[{\"fte\":\"0.5\"},{\"fte\":\"0.5\",\"fte\":\"0.5\"}]}}", "payload.positions[1].fte"},
                {"{\"payload\":{\"project\":{\"totalCosts\":\"1.00\",\"totalCosts\":\"2.00\"}}}", "payload.project.totalCosts"}}) {
            Problem p;
            try {
                strict.readTree(c[0]);
                throw new AssertionError("gelesen: " + c[0]);
            } catch (Exception e) {
                p = ProblemMapper.problem(e);
            }
            assertEquals("urn:paktwerk:problem:duplicate-field", p.type());
            assertEquals(c[0], c[1], p.field());
        }
    }

    @Test
    public void aRuleOfTheAreaNamesTheFieldItWasGiven() {
        Problem p = ProblemMapper.problem(new InvalidInputException("Der Stellenanteil muss zwischen 0,25 und 1,0 liegen, nicht 2.", "fte")
                .inside("positions[0]").inside("payload"));
        assertEquals("payload.positions[0].fte", p.field());
        assertEquals("Der Stellenanteil muss zwischen 0,25 und 1,0 liegen, nicht 2.", p.detail());
    }

    @Test
    public void problemsAboutNoFieldHaveNoneAndSerializeWithoutIt() throws Exception {
        Problem p = ProblemMapper.problem(new InvalidInputException("Der Antrag ist leer."));
        assertNull(p.field());
        assertNull(readFailure("[1, 2]").field());
        assertEquals("{\"type\":\"urn:paktwerk:problem:invalid-input\",\"title\":\"Ungültige Eingabe\",\"status\":400,\"detail\":\"Der Antrag ist leer.\"}",
                MAPPER.writeValueAsString(p));
        assertEquals("{\"type\":\"t\",\"title\":\"x\",\"status\":400,\"detail\":\"d\",\"field\":\"fte\"}",
                MAPPER.writeValueAsString(new Problem("t", "x", 400, "d", "fte")));
    }

    /** The problem the mapper makes of an exception (for tests in other packages). */
    public static Problem problemOf(Throwable e) {
        return ProblemMapper.problem(e);
    }

    static Problem readWithPaktwerksMapper(String json) {
        try {
            de.paktwerk.core.internal.json.Json.create().readValue(json, Body.class);
        } catch (Exception e) {
            return ProblemMapper.problem(e);
        }
        throw new AssertionError("lesbar: " + json);
    }

    @Test
    public void aNumberOrABooleanIsNoTextAndTheDetailNamesThePathAsTheFieldDoes() {
        Problem number = readWithPaktwerksMapper("{\"positions\":[{\"fte\":\"0.50\",\"months\":1},{\"fte\":0.5,\"months\":1}]}");
        assertEquals("positions[1].fte", number.field());
        assertEquals("Feld 'positions[1].fte' erwartet Text in Anführungszeichen (Beträge und Stellenanteile z. B. \"0.50\"), keine Zahl"
                + " und keinen Wahrheitswert.", number.detail());
        assertEquals("positions[0].fte", readWithPaktwerksMapper("{\"positions\":[{\"fte\":true,\"months\":1}]}").field());
        assertEquals("applicantKey", readWithPaktwerksMapper("{\"applicantKey\":8421000}").field());
        // and a text is no number
        assertEquals("positions[0].months", readWithPaktwerksMapper("{\"positions\":[{\"months\":\"12\"}]}").field());
        // the detail writes the path as the field does (it read "positions.[1].hireDate")
        assertEquals("Feld 'positions[1].hireDate' hat einen ungültigen Wert 'gestern' (erwartet: Datum im Format JJJJ-MM-TT).",
                readWithPaktwerksMapper("{\"positions\":[{\"fte\":\"0.5\",\"months\":1},{\"hireDate\":\"gestern\",\"months\":1}]}").detail());
    }
}
