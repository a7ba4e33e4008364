package de.paktwerk.core.internal.command;

import de.paktwerk.core.internal.letter.Letters;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code paktwerk:payment-notices} */
@Service
@Command(scope = "paktwerk", name = "payment-notices", description = "Erstellt die Zuweisungsbescheide aller Zahlungen eines Laufs der pauschalen Zuweisung und zeigt den Fortschritt.")
public class PaymentNoticesCommand implements Action {

    @Reference
    Letters letters;

    @Reference
    Session session;

    @Argument(index = 0, name = "lauf", description = "Nummer des Laufs", required = true)
    long run;

    @Override
    public Object execute() {
        long t0 = System.nanoTime();
        int made = letters.paymentNotices(run, n -> {
            if (n % 100 == 0) {
                session.getConsole().println(n + " Bescheide …");
            }
        });
        session.getConsole().println(made + " Zuweisungsbescheide in " + (System.nanoTime() - t0) / 1_000_000 + " ms.");
        return null;
    }
}
