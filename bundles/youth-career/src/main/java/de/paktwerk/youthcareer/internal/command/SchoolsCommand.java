package de.paktwerk.youthcareer.internal.command;

import de.paktwerk.youthcareer.internal.Model.School;
import de.paktwerk.youthcareer.internal.YcStore;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code yc:schools} */
@Service
@Command(scope = "yc", name = "schools", description = "Listet die erfassten Schulen mit ihren Klassen für Geflüchtete.")
public class SchoolsCommand implements Action {

    @Reference
    YcStore store;

    @Reference
    Session session;

    @Argument(index = 0, name = "kommune", description = "Schlüssel der Kommune; ohne: alle", required = false)
    String municipality;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("Schulnummer");
        table.column("Name");
        table.column("Kommune");
        table.column("Schulart");
        table.column("VKL").alignRight();
        table.column("VABO").alignRight();
        table.column("AVdual").alignRight();
        table.column("VAB").alignRight();
        table.column("BEJ").alignRight();
        for (School s : store.schools(municipality)) {
            table.addRow().addContent(s.schoolNumber(), s.name(), s.municipalityKey(), s.schoolType(), s.classesVkl(), s.classesVabo(),
                    s.classesAvdual(), s.classesVab(), s.classesBej());
        }
        table.print(session.getConsole());
        return null;
    }
}
