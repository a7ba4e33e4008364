package de.paktwerk.core.internal.command;

import de.paktwerk.core.internal.letter.Letters;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

/** {@code paktwerk:letter} */
@Service
@Command(scope = "paktwerk", name = "letter", description = "Schreibt einen Bescheid eines Antrags als PDF/A in eine Datei (ohne -n: den ersten).")
public class LetterCommand implements Action {

    @Reference
    Letters letters;

    @Reference
    Session session;

    @Argument(index = 0, name = "antrag", description = "Antragsnummer", required = true)
    long application;

    @Option(name = "-n", aliases = "--nummer", description = "Nummer des Briefs (1 = Bescheid, 2 = Schlussbescheid)", required = false)
    int number = 1;

    @Option(name = "-o", aliases = "--datei", description = "Zieldatei; ohne: bescheid-<antrag>-<nummer>.pdf im Arbeitsverzeichnis", required = false)
    String file;

    @Override
    public Object execute() throws Exception {
        byte[] pdf = letters.content(application, number);
        Path target = Path.of(file != null ? file : "bescheid-" + application + "-" + number + ".pdf").toAbsolutePath();
        Files.write(target, pdf);
        session.getConsole().println("Bescheid geschrieben: " + target + " (" + pdf.length + " Bytes)");
        return null;
    }
}
