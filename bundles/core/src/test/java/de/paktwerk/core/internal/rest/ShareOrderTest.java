package de.paktwerk.core.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import de.paktwerk.core.api.InvalidInputException;
import de.paktwerk.core.api.Money;
import de.paktwerk.core.internal.rest.FundsResource.ShareRow;
import java.util.List;
import org.junit.Test;

public class ShareOrderTest {

    static final List<ShareRow> ROWS = List.of(
            new ShareRow("08421000", "Ulm", 400, Money.ofCents(40_000), null, null),
            new ShareRow("08111000", "Stuttgart", 600, Money.ofCents(60_000), null, null),
            new ShareRow("08436001", "Achberg", 5, Money.ofCents(500), null, null),
            new ShareRow("08125005", "Bad Rappenau", 20, Money.ofCents(40_000), null, null),
            new ShareRow("08337002", "Äpfingen", 3, Money.ofCents(300), null, null));

    private static List<String> keys(String sort) {
        return ROWS.stream().sorted(FundsResource.shareOrder(sort)).map(ShareRow::bodyKey).toList();
    }

    @Test
    public void byKeyWhenNotAsked() {
        assertEquals(List.of("08111000", "08125005", "08337002", "08421000", "08436001"), keys(null));
    }

    @Test
    public void namesAsAGermanDictionaryOrdersThem() {
        // Ä between A and B, not after Z
        assertEquals(List.of("08436001", "08337002", "08125005", "08111000", "08421000"), keys("name"));
    }

    @Test
    public void largestShareFirstTiesByKey() {
        assertEquals(List.of("08111000", "08125005", "08421000", "08436001", "08337002"), keys("-amount"));
        assertEquals(List.of("08337002", "08436001", "08125005", "08421000", "08111000"), keys("weight"));
    }

    @Test
    public void anUnknownOrderIsRefusedNamingTheParameter() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FundsResource.shareOrder("population"));
        assertEquals("sort", e.field());
    }
}
