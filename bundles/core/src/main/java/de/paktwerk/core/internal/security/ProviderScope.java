package de.paktwerk.core.internal.security;

import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.api.spi.ScopeType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The core's own scope kind: users of a provider (role provider) act within {@code provider:<id>}. */
@Component(service = ScopeType.class)
public class ProviderScope implements ScopeType {

    private final MunicipalityRegistry registry;

    @Activate
    public ProviderScope(@Reference MunicipalityRegistry registry) {
        this.registry = registry;
    }

    @Override
    public String prefix() {
        return Caller.PROVIDER_SCOPE.substring(0, Caller.PROVIDER_SCOPE.length() - 1);
    }

    @Override
    public String requiredFor() {
        return Caller.PROVIDER;
    }

    @Override
    public String title() {
        return "Träger";
    }

    @Override
    public boolean exists(String value) {
        try {
            return registry.provider(Long.parseLong(value)).isPresent();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
