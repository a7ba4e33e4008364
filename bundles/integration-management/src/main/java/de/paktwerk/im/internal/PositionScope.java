package de.paktwerk.im.internal;

import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.api.spi.ScopeType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The scope {@code position:<id>} of caseworkers: the core asks it whether a position exists. */
@Component(service = ScopeType.class)
public class PositionScope implements ScopeType {

    private final ImStore store;

    @Activate
    public PositionScope(@Reference ImStore store) {
        this.store = store;
    }

    @Override
    public String prefix() {
        return Caller.POSITION_SCOPE.substring(0, Caller.POSITION_SCOPE.length() - 1);
    }

    @Override
    public String requiredFor() {
        return Caller.CASEWORKER;
    }

    @Override
    public String title() {
        return "Stelle";
    }

    @Override
    public boolean exists(String value) {
        try {
            return store.positionExists(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
