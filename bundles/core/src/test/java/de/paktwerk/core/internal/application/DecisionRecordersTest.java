package de.paktwerk.core.internal.application;

import static org.junit.Assert.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.paktwerk.core.api.Application;
import de.paktwerk.core.api.ApplicationEvents;
import de.paktwerk.core.api.ApplicationService;
import de.paktwerk.core.api.Decision;
import de.paktwerk.core.api.spi.DecisionRecorder;
import de.paktwerk.core.api.spi.FundingArea;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntBiFunction;
import org.junit.Test;
import org.osgi.service.event.Event;

/** The core hands decisions to their area's recorder: after each decision, and on the recorder's arrival for all before. */
public class DecisionRecordersTest {

    final ApplicationService applications = mock(ApplicationService.class);
    final Application app = mock(Application.class);
    final Decision decision = mock(Decision.class);

    static Event event(String topic, String area, long id) {
        return new Event(topic, Map.of(ApplicationEvents.AREA_ID, area, ApplicationEvents.APPLICATION_ID, id));
    }

    @Test
    @SuppressWarnings("unchecked")
    public void aRecorderCatchesUpOnArrivalThenGetsEachDecisionOfItsAreaOnly() {
        when(applications.forEachDecided(eq("schule"), any())).thenAnswer(inv -> {
            ToIntBiFunction<Application, Decision> action = inv.getArgument(1);
            return action.applyAsInt(app, decision) + action.applyAsInt(app, decision);
        });
        when(applications.get(7L)).thenReturn(app);
        when(applications.decision(7L)).thenReturn(Optional.of(decision));
        AtomicInteger calls = new AtomicInteger();
        DecisionRecorder recorder = (a, d) -> {
            assertEquals(app, a);
            assertEquals(decision, d);
            return calls.incrementAndGet();
        };
        DecisionRecorders recorders = new DecisionRecorders(applications);
        recorders.addRecorder(recorder, Map.of(FundingArea.ID_PROPERTY, "schule"));
        assertEquals("two decisions in force before the module came", 2, calls.get());

        recorders.handleEvent(event(ApplicationEvents.DECIDED, "schule", 7L));
        assertEquals(3, calls.get());
        recorders.handleEvent(event(ApplicationEvents.DECIDED, "andere", 7L));
        recorders.handleEvent(event(ApplicationEvents.AMENDED, "schule", 7L)); // it does not follow amendments
        assertEquals(3, calls.get());

        recorders.removeRecorder(recorder, Map.of(FundingArea.ID_PROPERTY, "schule"));
        recorders.handleEvent(event(ApplicationEvents.DECIDED, "schule", 7L));
        assertEquals("gone with its module", 3, calls.get());
    }

    @Test
    public void aRecorderThatFollowsAmendmentsGetsTheChangedDecision() {
        when(applications.get(8L)).thenReturn(app);
        when(applications.decision(8L)).thenReturn(Optional.of(decision));
        DecisionRecorder recorder = mock(DecisionRecorder.class);
        when(recorder.followsAmendments()).thenReturn(true);
        DecisionRecorders recorders = new DecisionRecorders(applications);
        recorders.addRecorder(recorder, Map.of(FundingArea.ID_PROPERTY, "schule"));
        recorders.handleEvent(event(ApplicationEvents.AMENDED, "schule", 8L));
        verify(recorder).record(app, decision);
        // a failing recorder is logged, the event thread goes on
        when(recorder.record(app, decision)).thenThrow(new IllegalStateException("kaputt"));
        recorders.handleEvent(event(ApplicationEvents.DECIDED, "schule", 8L));
        verify(applications, never()).forEachDecided(eq("andere"), any());
    }
}
