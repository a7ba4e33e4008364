package de.paktwerk.core.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class MoneyTest {

    @Test
    public void plainDecimalsWithAtMostTwoPlacesAreAmounts() {
        assertEquals(123450, Money.parse("1234.50").cents());
        assertEquals(123450, Money.parse("1234.5").cents());
        assertEquals(123400, Money.parse("1234").cents());
        assertEquals(-500, Money.parse("-5.00").cents());
        assertEquals(0, Money.parse("0.00").cents());
    }

    /** What Jackson or BigDecimal would accept but a clerk did not mean. */
    @Test
    public void everythingElseIsRefusedWithAGermanMessage() {
        for (String bad : new String[] {"1e3", "+5.00", " 5.00", "5.00 ", ".5", "5.", "٥.٠٠", "5,00", "1.234", "0x10", "5.001", "1_000",
                "NaN", "Infinity", "--5", "5-", "12345678901234567.00"}) {
            InvalidInputException e = assertThrows(bad, InvalidInputException.class, () -> Money.parse(bad));
            assertTrue(e.getMessage(), e.getMessage().startsWith("Betrag '"));
        }
    }
}
