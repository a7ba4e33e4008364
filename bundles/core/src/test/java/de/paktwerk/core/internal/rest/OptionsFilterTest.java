package de.paktwerk.core.internal.rest;

import static org.junit.Assert.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Set;
import org.junit.Test;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceMethodInfoDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

public class OptionsFilterTest {

    static ResourceMethodInfoDTO m(String method, String path) {
        ResourceMethodInfoDTO dto = new ResourceMethodInfoDTO();
        dto.method = method;
        dto.path = path;
        return dto;
    }

    @Test
    public void onlyTheMethodsOfTheMatchingPathAreAllowed() {
        ApplicationDTO core = new ApplicationDTO();
        core.base = "/api/core";
        ResourceDTO funds = new ResourceDTO();
        funds.resourceMethods = new ResourceMethodInfoDTO[] {m("GET", "/periods"), m("PUT", "/periods/{period}/budgets/{area}"),
                m("GET", "/periods/{period}/budgets")};
        ResourceDTO municipalities = new ResourceDTO();
        municipalities.resourceMethods = new ResourceMethodInfoDTO[] {m("DELETE", "/municipalities/{key}/delegations/{area}"),
                m("POST", "/municipalities/{key : [0-9]+}/delegations")};
        core.resourceDTOs = new ResourceDTO[] {funds, municipalities};
        RuntimeDTO dto = new RuntimeDTO();
        dto.applicationDTOs = new ApplicationDTO[] {core};
        JaxrsServiceRuntime runtime = mock(JaxrsServiceRuntime.class);
        when(runtime.getRuntimeDTO()).thenReturn(dto);
        OptionsFilter f = new OptionsFilter(runtime);
        assertEquals(Set.of("GET"), f.allowed("/api/core", "/periods"));
        assertEquals(Set.of("PUT"), f.allowed("/api/core", "/periods/2017/budgets/test-area"));
        assertEquals(Set.of("POST"), f.allowed("/api/core", "/municipalities/08111000/delegations"));
        assertEquals(Set.of(), f.allowed("/api/core", "/nothing"));
        assertEquals(Set.of(), f.allowed("/api/other", "/periods"));
    }
}
