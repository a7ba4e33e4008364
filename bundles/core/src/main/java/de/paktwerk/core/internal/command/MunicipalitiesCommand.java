package de.paktwerk.core.internal.command;

import de.paktwerk.core.api.Municipality;
import de.paktwerk.core.api.MunicipalityKind;
import de.paktwerk.core.api.MunicipalityQuery;
import de.paktwerk.core.api.MunicipalityRegistry;
import de.paktwerk.core.api.Page;
import java.util.EnumSet;
import java.util.Set;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;

/** {@code paktwerk:municipalities} */
@Service
@Command(scope = "paktwerk", name = "municipalities", description = "Listet Kommunen, Stadtkreise und Landkreise.")
public class MunicipalitiesCommand implements Action {

    @Reference
    MunicipalityRegistry registry;

    @Reference
    Session session;

    @Argument(index = 0, name = "name", description = "Teil des Namens", required = false)
    String name;

    @Option(name = "-k", aliases = "--kind", description = "Art: GEMEINDE, STADTKREIS oder LANDKREIS")
    @org.apache.karaf.shell.api.action.Completion(value = StringsCompleter.class, values = {"GEMEINDE", "STADTKREIS", "LANDKREIS"})
    String kind;

    @Option(name = "-d", aliases = "--district", description = "Schlüssel des Landkreises (5 Stellen)")
    String district;

    @Option(name = "-n", aliases = "--limit", description = "Höchstens so viele Zeilen")
    int limit = 50;

    @Override
    public Object execute() {
        Set<MunicipalityKind> kinds = kind == null ? Set.of() : EnumSet.of(MunicipalityKind.valueOf(kind.toUpperCase()));
        Page<Municipality> page = registry.list(new MunicipalityQuery(district, kinds, name), 0, Math.max(1, Math.min(limit, Page.MAX_LIMIT)));
        ShellTable table = new ShellTable();
        table.column("Schlüssel");
        table.column("Name");
        table.column("Art");
        table.column("Kreis");
        table.column("Regierungsbezirk");
        table.column("Einwohner").alignRight();
        for (Municipality m : page.items()) {
            table.addRow().addContent(m.key(), m.name(), m.kind(), m.districtName(), m.region(), m.population());
        }
        table.print(session.getConsole());
        session.getConsole().println(page.items().size() + " von " + page.total() + " Treffern");
        return null;
    }
}
