package de.paktwerk.youthcareer.internal.command;

import de.paktwerk.youthcareer.internal.Model.Position;
import de.paktwerk.youthcareer.internal.Programme;
import de.paktwerk.youthcareer.internal.Rules;
import de.paktwerk.youthcareer.internal.YcStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code yc:positions} */
@Service
@Command(scope = "yc", name = "positions", description = "Listet die geförderten Stellen (Schulsozialarbeit, AVdual-Begleitung, Jugendberufshelfer).")
public class PositionsCommand implements Action {

    @Reference
    YcStore store;

    @Reference
    Session session;

    @Option(name = "-p", aliases = "--programm", description = "Teilprogramm", required = false)
    @Completion(value = StringsCompleter.class, values = {"SCHOOL_SOCIAL_WORK", "AVDUAL_COMPANION", "YOUTH_CAREER_HELPER"})
    String programme;

    @Option(name = "-s", aliases = "--schuljahr", description = "Schuljahr, z. B. 2018/19", required = false)
    String schoolYear;

    @Argument(index = 0, name = "traeger", description = "Schlüssel des Antragstellers; ohne: alle", required = false)
    String responsible;

    @Override
    public Object execute() {
        Programme p = programme == null ? null : Programme.valueOf(programme);
        Integer year = schoolYear == null ? null : Rules.parseSchoolYear(schoolYear);
        ShellTable table = new ShellTable();
        table.column("Nr.").alignRight();
        table.column("Antrag").alignRight();
        table.column("Bescheid");
        table.column("Teilprogramm");
        table.column("Antragsteller");
        table.column("Schuljahr");
        table.column("VZÄ").alignRight();
        table.column("Monate").alignRight();
        table.column("Schulen");
        table.column("Förderung").alignRight();
        for (Position x : store.positions(p, year, responsible)) {
            table.addRow().addContent(x.id(), x.applicationId(), x.decisionNumber(), x.programme().german(), x.responsibleKey(), x.schoolYear(),
                    x.fte().replace('.', ','), x.months(), String.join(", ", x.schools()), x.funded().toGerman());
        }
        table.print(session.getConsole());
        return null;
    }
}
