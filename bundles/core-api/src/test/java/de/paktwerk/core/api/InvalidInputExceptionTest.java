package de.paktwerk.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.junit.Test;

public class InvalidInputExceptionTest {

    @Test
    public void aProblemWithoutFieldNamesNone() {
        InvalidInputException e = new InvalidInputException("Der Antrag ist leer.");
        assertNull(e.field());
        assertEquals(400, e.status());
        assertEquals("urn:paktwerk:problem:invalid-input", e.problemType().uri());
    }

    @Test
    public void insideAnElementThePathGrowsFromTheOutside() {
        InvalidInputException e = new InvalidInputException("Stellenanteil 'abc' ist kein Stellenanteil.", "fte");
        assertEquals("fte", e.field());
        InvalidInputException inPosition = e.inside("positions[2]");
        assertEquals("positions[2].fte", inPosition.field());
        assertEquals("payload.positions[2].fte", inPosition.inside("payload").field());
        assertEquals("Stellenanteil 'abc' ist kein Stellenanteil.", inPosition.getMessage());
        assertEquals("positions[0]", new InvalidInputException("Eine Stelle ist leer.").inside("positions[0]").field());
    }

    @Test
    public void insideKeepsTheSpecificCause() {
        InvalidInputException dup = new InvalidInputException("Feld 'x' kommt mehrfach vor.", ProblemType.DUPLICATE_FIELD);
        assertEquals(ProblemType.DUPLICATE_FIELD, dup.inside("payload").problemType());
        assertEquals("payload", dup.inside("payload").field());
    }
}
