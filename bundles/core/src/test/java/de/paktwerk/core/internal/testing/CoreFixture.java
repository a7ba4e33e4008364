package de.paktwerk.core.internal.testing;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.spi.FundingArea;
import de.paktwerk.core.internal.application.ApplicationServiceImpl;
import de.paktwerk.core.internal.application.ApprovalConfig;
import de.paktwerk.core.internal.area.FundingAreaTracker;
import de.paktwerk.core.internal.audit.AuditLogImpl;
import de.paktwerk.core.internal.budget.BudgetServiceImpl;
import de.paktwerk.core.internal.db.CoreDatabase;
import de.paktwerk.core.internal.db.LiquibaseMigrations;
import de.paktwerk.core.internal.distribution.DistributionServiceImpl;
import de.paktwerk.core.internal.municipality.MunicipalityRegistryImpl;
import java.lang.reflect.Method;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;

/**
 * The core's services wired by hand over a fresh in-memory H2 database, as DS would wire them; the
 * funding area is a Mockito mock of the SPI.
 */
public final class CoreFixture {

    public static final String AREA = "test-area";

    public final JdbcDataSource dataSource = new JdbcDataSource();
    public final CoreDatabase database;
    public final AuditLogImpl audit;
    public final MunicipalityRegistryImpl registry;
    private final ComponentContext context = mock(ComponentContext.class);
    public final FundingAreaTracker areas = new FundingAreaTracker(context);
    public final FundingArea area = mock(FundingArea.class);
    @SuppressWarnings("unchecked")
    public final ServiceReference<FundingArea> areaReference = mock(ServiceReference.class);
    public final BudgetServiceImpl budgets;
    public final DistributionServiceImpl distributions;
    public final ApplicationServiceImpl applications;
    /** The realm as the fixture's services see it: user → roles and scopes. */
    public final Map<String, java.util.Set<String>> realm = new java.util.concurrent.ConcurrentHashMap<>();

    public CoreFixture(String fourEyesThreshold) {
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=20000");
        database = new CoreDatabase(dataSource, new LiquibaseMigrations(dataSource));
        audit = new AuditLogImpl(database);
        registry = new MunicipalityRegistryImpl(database, audit);
        when(area.id()).thenReturn(AREA);
        when(area.title()).thenReturn("Testbereich");
        when(area.distributionKeyDescription()).thenReturn("Geflüchtete zum Stichtag");
        when(area.defaultReferenceDate()).thenReturn(LocalDate.of(2017, 9, 15));
        when(areaReference.getProperty(FundingArea.ID_PROPERTY)).thenReturn(AREA);
        when(context.locateService("fundingArea", areaReference)).thenReturn(area);
        register(areas, areaReference);
        budgets = new BudgetServiceImpl(database, audit);
        distributions = new DistributionServiceImpl(database, audit, areas, registry);
        ApprovalConfig config = mock(ApprovalConfig.class);
        when(config.fourEyesThreshold()).thenReturn(fourEyesThreshold);
        when(config.decisionPrefix()).thenReturn("PFI");
        applications = new ApplicationServiceImpl(database, audit, areas, registry,
                user -> java.util.Optional.ofNullable(realm.get(user)), config);
    }

    /** Sets the key the mocked area supplies. */
    public void weights(Map<String, Long> weights) {
        when(area.distributionWeights(org.mockito.ArgumentMatchers.any())).thenReturn(weights);
    }

    /** Lets the mocked area price every application at its requested amount. */
    public void priceAsRequested() {
        when(area.price(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
                .thenAnswer(inv -> ((de.paktwerk.core.api.NewApplication) inv.getArgument(0)).requested());
    }

    /** DS would call the bind method; tests call it the same way. */
    public static void register(FundingAreaTracker tracker, ServiceReference<FundingArea> area) {
        invoke(tracker, "addFundingArea", area);
    }

    public static void unregister(FundingAreaTracker tracker, ServiceReference<FundingArea> area) {
        invoke(tracker, "removeFundingArea", area);
    }

    private static void invoke(FundingAreaTracker tracker, String name, ServiceReference<FundingArea> area) {
        try {
            Method m = FundingAreaTracker.class.getDeclaredMethod(name, ServiceReference.class);
            m.setAccessible(true);
            m.invoke(tracker, area);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Money euros(String amount) {
        return Money.parse(amount);
    }
}
