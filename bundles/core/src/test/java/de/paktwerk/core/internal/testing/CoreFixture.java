package de.paktwerk.core.internal.testing;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.paktwerk.core.api.Money;
import de.paktwerk.core.api.spi.FundingArea;
import de.paktwerk.core.api.spi.DistributionKey;
import de.paktwerk.core.api.spi.Settlement;
import de.paktwerk.core.api.AreaDescriptor;
import de.paktwerk.core.api.Assessment;
import de.paktwerk.core.api.Instrument;
import de.paktwerk.core.api.KeyFigure;
import de.paktwerk.core.api.KeyTarget;
import de.paktwerk.core.api.LineItem;
import de.paktwerk.core.internal.application.ApprovalSettings;
import de.paktwerk.core.internal.municipality.KeyFiguresImpl;
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
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;

/**
 * The core's services wired by hand over a fresh in-memory H2 database, as DS would wire them; the
 * funding area is a Mockito mock of the SPI.
 */
public final class CoreFixture {

    public static final String AREA = "test-area";

    /** H2 in memory, or a fresh PostgreSQL schema in the build's PostgreSQL run ({@link TestDatabase}). */
    public final javax.sql.DataSource dataSource = TestDatabase.create();
    public final CoreDatabase database;
    public final AuditLogImpl audit;
    public final MunicipalityRegistryImpl registry;
    private final ComponentContext context = mock(ComponentContext.class);
    public final FundingAreaTracker areas = new FundingAreaTracker(context);
    public final FundingArea area = mock(FundingArea.class);
    @SuppressWarnings("unchecked")
    public final ServiceReference<FundingArea> areaReference = mock(ServiceReference.class);
    public final DistributionKey key = mock(DistributionKey.class);
    @SuppressWarnings("unchecked")
    public final ServiceReference<DistributionKey> keyReference = mock(ServiceReference.class);
    public final Settlement settlement = mock(Settlement.class);
    @SuppressWarnings("unchecked")
    public final ServiceReference<Settlement> settlementReference = mock(ServiceReference.class);
    public final de.paktwerk.core.api.spi.DecisionPolicy policy = mock(de.paktwerk.core.api.spi.DecisionPolicy.class);
    @SuppressWarnings("unchecked")
    public final ServiceReference<de.paktwerk.core.api.spi.DecisionPolicy> policyReference = mock(ServiceReference.class);
    public final KeyFiguresImpl figures;
    /** The platform clock the services use: the system clock unless a test fixes it ({@link #fixClock}). */
    private volatile java.time.Clock now = java.time.Clock.systemUTC();
    public final java.time.Clock clock = new java.time.Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return now.getZone();
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
            return java.time.Clock.fixed(now.instant(), zone);
        }

        @Override
        public java.time.Instant instant() {
            return now.instant();
        }
    };
    public final ApprovalSettings settings;
    public final BudgetServiceImpl budgets;
    public final DistributionServiceImpl distributions;
    public final ApplicationServiceImpl applications;
    public final de.paktwerk.core.internal.survey.SurveyServiceImpl surveys;
    /** The realm as the fixture's services see it: user → roles and scopes. */
    public final Map<String, java.util.Set<String>> realm = new java.util.concurrent.ConcurrentHashMap<>();

    public CoreFixture(String fourEyesThreshold) {
        database = new CoreDatabase(dataSource, new LiquibaseMigrations(dataSource));
        audit = new AuditLogImpl(database);
        registry = new MunicipalityRegistryImpl(database, audit, areas);
        figures = new KeyFiguresImpl(database, audit, registry);
        when(area.descriptor()).thenReturn(new AreaDescriptor(AREA, "Testbereich", Instrument.KEY_BASED_SHARE,
                "Regierungspräsidium Stuttgart", 1));
        when(areaReference.getProperty(FundingArea.ID_PROPERTY)).thenReturn(AREA);
        when(context.locateService("fundingArea", areaReference)).thenReturn(area);
        when(key.keyFigureType()).thenReturn(KeyFigure.REFUGEES);
        when(key.target()).thenReturn(KeyTarget.MUNICIPALITIES);
        when(key.description()).thenReturn("Geflüchtete zum Stichtag");
        when(key.defaultReferenceDate()).thenReturn(STICHTAG);
        when(keyReference.getProperty(FundingArea.ID_PROPERTY)).thenReturn(AREA);
        when(context.locateService("distributionKey", keyReference)).thenReturn(key);
        when(settlementReference.getProperty(FundingArea.ID_PROPERTY)).thenReturn(AREA);
        when(context.locateService("settlement", settlementReference)).thenReturn(settlement);
        when(policyReference.getProperty(FundingArea.ID_PROPERTY)).thenReturn(AREA);
        when(context.locateService("decisionPolicy", policyReference)).thenReturn(policy);
        register(areas, areaReference);
        invoke(areas, "addDistributionKey", keyReference);
        budgets = new BudgetServiceImpl(database, audit, areas);
        de.paktwerk.core.internal.survey.SurveyConfig surveyConfig = mock(de.paktwerk.core.internal.survey.SurveyConfig.class);
        when(surveyConfig.maxChangePercent()).thenReturn(30);
        surveys = new de.paktwerk.core.internal.survey.SurveyServiceImpl(database, audit, registry, figures,
                user -> java.util.Optional.ofNullable(realm.get(user)), clock, surveyConfig);
        distributions = new DistributionServiceImpl(database, audit, areas, registry, figures, surveys);
        ApprovalConfig config = mock(ApprovalConfig.class);
        when(config.fourEyesThreshold()).thenReturn(fourEyesThreshold);
        when(config.decisionPrefix()).thenReturn("PFI");
        settings = new ApprovalSettings(config);
        applications = new ApplicationServiceImpl(database, audit, areas, registry,
                user -> java.util.Optional.ofNullable(realm.get(user)), settings, clock);
    }

    /** From now on the services see this instant as the current time. */
    public void fixClock(java.time.Instant instant) {
        now = java.time.Clock.fixed(instant, java.time.ZoneOffset.UTC);
    }

    /** Sets how long a statement waits for a row lock (H2 and PostgreSQL). */
    public void lockTimeout(int millis) {
        TestDatabase.lockTimeout(dataSource, millis);
    }

    /** Reference date of the refugee figures {@link #weights} sets. */
    public static final LocalDate STICHTAG = LocalDate.of(2017, 9, 15);

    /** Sets the refugee figures at {@link #STICHTAG} the area's key shares by (replacing all of that date). */
    public void weights(Map<String, Long> weights) {
        database.jdbc().tx(c -> de.paktwerk.core.api.db.Sql.update(c, "DELETE FROM key_figure WHERE figure_type = ? AND reference_date = ?",
                KeyFigure.REFUGEES, STICHTAG));
        figures.importFigures(weights.entrySet().stream().map(e -> KeyFigure.of(KeyFigure.REFUGEES, e.getKey(), STICHTAG, e.getValue()))
                .toList(), "test");
    }

    /** Lets the mocked area assess every application at its requested amount, in one line. */
    public void priceAsRequested() {
        when(area.assess(org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
                .thenAnswer(inv -> Assessment.of(LineItem.Kind.ELIGIBLE_COSTS, "Förderfähige Ausgaben",
                        ((de.paktwerk.core.api.spi.AssessmentContext) inv.getArgument(0)).requested()));
    }

    /** The area shares by no key from now on (rate per position, settlement on actuals, call): budget only. */
    public void withoutKey() {
        invoke(areas, "removeDistributionKey", keyReference);
    }

    /** The area settles on actuals from now on (the test sets what {@link #settlement} answers). */
    public void settlesOnActuals() {
        invoke(areas, "addSettlement", settlementReference);
    }

    /** The area checks decisions itself from now on (the test sets what {@link #policy} does). */
    public void decidesWithPolicy() {
        invoke(areas, "addDecisionPolicy", policyReference);
    }

    /** Installs another (mocked) key-less funding area with the id. */
    @SuppressWarnings("unchecked")
    public FundingArea install(String areaId) {
        FundingArea other = mock(FundingArea.class);
        when(other.descriptor()).thenReturn(new AreaDescriptor(areaId, "Bereich " + areaId, Instrument.RATE_PER_POSITION, "KVJS", 1));
        ServiceReference<FundingArea> reference = mock(ServiceReference.class);
        when(reference.getProperty(FundingArea.ID_PROPERTY)).thenReturn(areaId);
        when(context.locateService("fundingArea", reference)).thenReturn(other);
        register(areas, reference);
        return other;
    }

    /** DS would call the bind method; tests call it the same way. */
    public static void register(FundingAreaTracker tracker, ServiceReference<FundingArea> area) {
        invoke(tracker, "addFundingArea", area);
    }

    public static void unregister(FundingAreaTracker tracker, ServiceReference<FundingArea> area) {
        invoke(tracker, "removeFundingArea", area);
    }

    private static void invoke(FundingAreaTracker tracker, String name, ServiceReference<?> reference) {
        try {
            Method m = FundingAreaTracker.class.getDeclaredMethod(name, ServiceReference.class);
            m.setAccessible(true);
            m.invoke(tracker, reference);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Money euros(String amount) {
        return Money.parse(amount);
    }
}
