package de.paktwerk.core.internal.security;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends API tokens and web sessions as soon as their account is deleted, created anew or given a new password —
 * whichever way the realm changed (Karaf's {@code jaas:*} commands, {@code paktwerk:user-add}, an edit of the users
 * file): it watches the users file and reconciles at every change, and once at start. A request in between is refused
 * too, as tokens and sessions are checked against the account's identity at every use.
 */
@Component(immediate = true, service = AccountWatcher.class)
public class AccountWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(AccountWatcher.class);

    private final ApiTokens tokens;
    private final SessionTokens sessions;
    private final WatchService watch;
    private final Thread thread;

    @Activate
    public AccountWatcher(@Reference JaasUsers users, @Reference ApiTokens tokens, @Reference SessionTokens sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
        reconcile();
        Optional<Path> file = users.usersFile();
        WatchService w = null;
        if (file.isPresent() && file.get().toAbsolutePath().getParent() != null) {
            try {
                w = FileSystems.getDefault().newWatchService();
                file.get().toAbsolutePath().getParent().register(w, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
            } catch (IOException e) {
                LOG.warn("Benutzerspeicher {} wird nicht beobachtet (Tokens und Sitzungen enden dann erst bei ihrer nächsten Verwendung): {}",
                        file.get(), e.toString());
            }
        }
        this.watch = w;
        if (w == null) {
            this.thread = null;
            return;
        }
        String name = file.get().getFileName().toString();
        WatchService ws = w;
        this.thread = new Thread(() -> loop(ws, name), "paktwerk-account-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(WatchService ws, String name) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = ws.take();
                boolean ours = false;
                // a change is often several events (a draft renamed into place, a rewrite in steps): take them together
                do {
                    for (WatchEvent<?> e : key.pollEvents()) {
                        ours |= e.context() != null && name.equals(e.context().toString());
                    }
                    key.reset();
                    key = ws.poll(100, TimeUnit.MILLISECONDS);
                } while (key != null);
                if (ours) {
                    reconcile();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException stop) {
            Thread.currentThread().interrupt();
        }
    }

    /** Revokes the tokens and ends the sessions of accounts that are gone or another one now. */
    void reconcile() {
        try {
            int t = tokens.reconcile();
            int s = sessions.reconcile();
            if (t + s > 0) {
                LOG.info("Konten geändert: {} API-Token(s) widerrufen, {} Sitzung(en) beendet", t, s);
            }
        } catch (RuntimeException e) {
            LOG.warn("Abgleich der Tokens und Sitzungen mit den Konten fehlgeschlagen: {}", e.toString());
        }
    }

    @Deactivate
    void stop() {
        if (thread != null) {
            thread.interrupt();
        }
        if (watch != null) {
            try {
                watch.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
