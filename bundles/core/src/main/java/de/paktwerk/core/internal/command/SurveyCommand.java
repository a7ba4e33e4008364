package de.paktwerk.core.internal.command;

import de.paktwerk.core.api.SurveyService;
import de.paktwerk.core.api.SurveyService.Survey;
import de.paktwerk.core.api.SurveyService.Tally;
import java.time.format.DateTimeFormatter;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code paktwerk:survey}: the surveys, or one survey's completeness per district. */
@Service
@Command(scope = "paktwerk", name = "survey", description = "Zeigt die Erhebungen oder den Stand einer Erhebung je Kreis"
        + " (gemeldet, zurückgegeben, bestätigt, fehlend).")
public class SurveyCommand implements Action {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Reference
    SurveyService surveys;

    @Reference
    Session session;

    @Argument(index = 0, name = "nummer", description = "Nummer der Erhebung; ohne: alle Erhebungen", required = false)
    Long id;

    @Option(name = "-a", aliases = "--all", description = "auch Kreise, in denen nichts mehr fehlt")
    boolean all;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        if (id == null) {
            table.column("Nr.").alignRight();
            table.column("Stichtag");
            table.column("Kennzahl");
            table.column("Meldefrist");
            table.column("Korrekturen bis");
            table.column("Stand");
            table.column("Korrekturen").alignRight();
            for (Survey s : surveys.surveys()) {
                table.addRow().addContent(s.id(), s.referenceDate().format(DAY), s.keyFigureType(), s.reportDeadline().format(DAY),
                        s.correctionsUntil().format(DAY), s.state() == SurveyService.State.OPEN ? "offen" : "abgeschlossen", s.corrections());
            }
        } else {
            Survey s = surveys.get(id);
            session.getConsole().println("Erhebung Nr. " + s.id() + " zum " + s.referenceDate().format(DAY) + " ("
                    + (s.state() == SurveyService.State.OPEN ? "offen, Meldefrist " + s.reportDeadline().format(DAY) : "abgeschlossen") + ")");
            table.column("Kreis");
            table.column("Kommunen").alignRight();
            table.column("gemeldet").alignRight();
            table.column("zurückgegeben").alignRight();
            table.column("bestätigt").alignRight();
            table.column("fehlend").alignRight();
            for (Tally t : surveys.progress(id)) {
                if (all || t.districtKey() == null || t.bodies() > t.confirmed()) {
                    table.addRow().addContent(t.districtKey() == null ? "landesweit" : t.districtName() + " (" + t.districtKey() + ")", t.bodies(),
                            t.reported(), t.returned(), t.confirmed(), t.missing());
                }
            }
        }
        table.print(session.getConsole());
        return null;
    }
}
