package de.paktwerk.testing.area;

import com.fasterxml.jackson.databind.JsonNode;
import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;

/** Reading the thin test areas' payloads. */
final class Payloads {

    private Payloads() {
    }

    static Money money(JsonNode node, String field) {
        if (node == null || !node.isObject() || !node.path(field).isTextual()) {
            throw new InvalidInputException("Testbereich: " + field + " (Betrag als Zeichenkette) fehlt.");
        }
        Money m = Money.parse(node.get(field).asText());
        if (m.isNegative()) {
            throw new InvalidInputException("Testbereich: " + field + " darf nicht negativ sein.");
        }
        return m;
    }

    static long count(JsonNode node, String field, long max) {
        if (node == null || !node.isObject() || !node.path(field).canConvertToExactIntegral() || node.get(field).asLong() < 0
                || node.get(field).asLong() > max) {
            throw new InvalidInputException("Testbereich: " + field + " (ganze Zahl von 0 bis " + max + ") fehlt.");
        }
        return node.get(field).asLong();
    }
}
