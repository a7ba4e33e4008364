package de.paktwerk.core.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.nio.charset.StandardCharsets;
import org.junit.Test;

/** The identity an Idempotency-Key is bound to: method, path, query string and body. */
public class IdempotencyIdentityTest {

    private static final byte[] BODY = "{\"courseId\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    public void theSameKeyAndBodyToAnotherQueryIsAnotherRequest() {
        String path = "/api/language-courses/courses/1/attendance-lists";
        // the probe: November, then January with the same key and body replayed November's answer
        assertNotEquals(IdempotencyFilter.hash("POST", path, "from=2017-11-01&to=2017-11-30", BODY),
                IdempotencyFilter.hash("POST", path, "from=2018-01-01&to=2018-01-31", BODY));
        assertNotEquals(IdempotencyFilter.hash("POST", path, null, BODY), IdempotencyFilter.hash("POST", path, "", BODY));
        assertNotEquals(IdempotencyFilter.hash("POST", path, null, BODY), IdempotencyFilter.hash("PUT", path, null, BODY));
        // parts cannot be shifted into each other
        assertNotEquals(IdempotencyFilter.hash("POST", "/a", "b", BODY), IdempotencyFilter.hash("POST", "/a?b", null, BODY));
    }

    @Test
    public void theSameRequestHasTheSameIdentity() {
        assertEquals(IdempotencyFilter.hash("POST", "/api/core/applications", "x=1", BODY),
                IdempotencyFilter.hash("POST", "/api/core/applications", "x=1", "{\"courseId\":1}".getBytes(StandardCharsets.UTF_8)));
    }
}
