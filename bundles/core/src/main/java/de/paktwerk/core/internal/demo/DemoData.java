package de.paktwerk.core.internal.demo;

import de.paktwerk.core.api.MunicipalityQuery;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.Page;
import java.time.LocalDate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fills in synthetic refugee counts at first start when the demo configuration asks for it. */
@Component(configurationPid = "de.paktwerk.demo", configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = DemoData.class)
@Designate(ocd = DemoConfig.class)
public class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    @Activate
    public DemoData(@Reference MunicipalityRegistry registry, @Reference de.paktwerk.core.api.KeyFigures figures,
                    @Reference de.paktwerk.core.internal.db.CoreDatabase database, DemoConfig config) {
        if (!config.enabled()) {
            return;
        }
        var all = registry.list(MunicipalityQuery.ALL, 0, Page.MAX_LIMIT).items();
        // one transaction under the first-start lock: nodes starting at once import the figures once
        database.jdbc().tx(c -> {
            de.paktwerk.core.internal.municipality.MunicipalityRegistryImpl.lockReferenceData(c);
            for (String date : config.referenceDates().split(",")) {
                LocalDate referenceDate = LocalDate.parse(date.trim());
                if (figures.referenceDates(de.paktwerk.core.api.KeyFigure.REFUGEES).contains(referenceDate)) {
                    continue;
                }
                int n = figures.importFigures(SyntheticCounts.generate(all, referenceDate, config.seed()), "demo");
                LOG.info("Synthetische Flüchtlingszahlen zum {} erzeugt ({} Kommunen)", referenceDate, n);
            }
            return null;
        });
    }
}
