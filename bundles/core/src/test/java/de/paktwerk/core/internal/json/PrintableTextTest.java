package de.paktwerk.core.internal.json;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.paktwerk.core.internal.rest.ProblemFieldTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

/** What a person can type is read; what no letter or page can carry is refused at input, naming its field. */
public class PrintableTextTest {

    record Position(String managerName, String fte) {
    }

    record Body(String title, List<Position> positions) {
    }

    static final ObjectMapper MAPPER = Json.create();

    static PrintableText.Refused refused(String json) {
        return PrintableText.refusal(assertThrows(java.io.IOException.class, () -> MAPPER.readValue(json.getBytes(StandardCharsets.UTF_8), Body.class)))
                .orElseThrow(() -> new AssertionError("nicht als unlesbarer Text abgelehnt: " + json));
    }

    @Test
    public void anyScriptAndEmojiAndLineBreaksAreRead() throws Exception {
        String title = "Begegnung مرحبا دنیا Привет ሰላም Xin chào Ağaç 中文 ☕ 👩‍👩‍👧\nzweite Zeile\tmit Tab; ZWNJ: می‌خواهم";
        Body b = MAPPER.readValue(MAPPER.writeValueAsBytes(new Body(title, List.of())), Body.class);
        assertEquals(title, b.title());
        assertEquals(title, MAPPER.readTree(new ByteArrayInputStream(MAPPER.writeValueAsBytes(new Body(title, null)))).path("title").asText());
    }

    @Test
    public void controlCharactersLoneSurrogatesAndBidiOverridesAreRefusedWithTheirField() {
        PrintableText.Refused nul = refused("{\"positions\":[{\"fte\":\"0.5\"},{\"managerName\":\"A.\\u0000B\"}]}");
        assertEquals("positions[1].managerName", nul.field());
        assertEquals("Feld 'positions[1].managerName' enthält das Zeichen U+0000 (Steuerzeichen), das nicht gespeichert und gedruckt"
                + " werden kann. Bitte entfernen Sie es.", nul.detail());
        assertEquals("title", refused("{\"title\":\"abc\\u202Egpj.exe\"}").field());
        assertEquals("Feld 'title' enthält das Zeichen U+202E (Steuerzeichen der Schreibrichtung), das nicht gespeichert und gedruckt"
                + " werden kann. Bitte entfernen Sie es.", refused("{\"title\":\"abc\\u202Egpj.exe\"}").detail());
        assertEquals("title", refused("{\"title\":\"\\ud800\"}").field());
        assertEquals("title", refused("{\"title\":\"x\\udc00y\"}").field());
        assertEquals("title", refused("{\"title\":\"\\u0085\"}").field());
        assertEquals("title", refused("{\"title\":\"\\u2066x\\u2069\"}").field());
        // a key with a control character is refused too (in a tree, where unknown keys are not refused by the mapper)
        PrintableText.Refused key = assertThrows(PrintableText.Refused.class, () -> MAPPER.readTree("{\"payload\":{\"a\\u0007\":1}}"));
        assertEquals("payload", key.field());
    }

    @Test
    public void overlongAndMalformedUtf8IsRefused() {
        // "/" written as the overlong two-byte form C0 AF, and a lone continuation byte
        for (byte[] bad : new byte[][] {{'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
                {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0x80, '"', '}'},
                // a surrogate encoded in UTF-8 (CESU): ED A0 80
                {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}}) {
            PrintableText.Refused r = PrintableText.refusal(assertThrows(java.io.IOException.class, () -> MAPPER.readValue(bad, Body.class))).get();
            assertEquals("Der Anfragekörper ist kein gültiges UTF-8 (ungültige oder überlange Bytefolge).", r.detail());
        }
    }

    @Test
    public void theProblemNamesTheFieldAndIsA400() throws Exception {
        Exception e = assertThrows(Exception.class, () -> MAPPER.readValue("{\"title\":\"\\u0000\"}", JsonNode.class));
        de.paktwerk.core.internal.rest.Problem p = ProblemFieldTest.problemOf(e);
        assertEquals(400, p.status());
        assertEquals("title", p.field());
        assertEquals("urn:paktwerk:problem:invalid-input", p.type());
    }

    /** What an earlier version stored (a NUL in a name was accepted before) is still read back: the check is for input only. */
    @Test
    public void whatPaktwerkStoredIsReadBackWhateverItHolds() throws Exception {
        String stored = "{\"managerName\":\"A.\\u0000B\",\"fte\":\"0.5\"}";
        assertEquals("A.\u0000B", Json.stored().readTree(stored).path("managerName").asText());
        assertEquals("managerName", PrintableText.refusal(assertThrows(java.io.IOException.class, () -> MAPPER.readTree(stored))).get().field());
    }
}
