package de.paktwerk.core.internal.demo;

import static org.junit.Assert.assertTrue;

import de.paktwerk.core.api.KeyFigure;
import de.paktwerk.core.internal.testing.CoreFixture;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.Set;
import org.junit.Test;

public class DemoDataTest {

    /**
     * Karaf may hand the demo feature's configuration over without its properties (FileInstall read the file while
     * the feature service wrote it); the demo then still fills in its figures. Seen in a Pax Exam run: health stayed
     * DOWN because the demo was off by default and no figures came.
     */
    @Test
    public void aConfigurationWithoutPropertiesStillFillsInTheDemoFigures() {
        CoreFixture f = new CoreFixture("100000.00");
        DemoConfig empty = (DemoConfig) Proxy.newProxyInstance(DemoConfig.class.getClassLoader(), new Class<?>[] {DemoConfig.class},
                (proxy, method, args) -> method.getDefaultValue()); // what DS makes of a configuration with no properties
        new DemoData(f.registry, f.figures, f.database, empty);
        Set<LocalDate> dates = Set.copyOf(f.figures.referenceDates(KeyFigure.REFUGEES));
        assertTrue(dates.toString(), dates.containsAll(Set.of(LocalDate.of(2017, 9, 15), LocalDate.of(2018, 9, 15), LocalDate.of(2019, 9, 15))));
    }
}
