package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.api.rest.PaktwerkRest;
import de.paktwerk.core.internal.security.ApiTokens;
import de.paktwerk.core.internal.security.AuthCache;
import de.paktwerk.core.api.AuditLog;
import de.paktwerk.core.internal.json.Json;
import de.paktwerk.core.internal.security.ActorRoles;
import de.paktwerk.core.internal.security.LoginThrottle;
import de.paktwerk.core.internal.security.SessionTokens;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Reference;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.Priority;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Authenticates every request of every Paktwerk application against Karaf's JAAS realm (HTTP Basic, or an
 * API token as {@code Authorization: Bearer}) and
 * enforces the {@link RolesAllowed} declared on the resource: 401 without valid credentials, 403 outside
 * the role. The role {@code admin} may do everything.
 *
 * <p>Failed logins are logged and audited (user name if it exists, client address; never the password) and
 * counted by {@link LoginThrottle}: a user or address with too many failures gets 429 with
 * {@code Retry-After} until the window has passed.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("paktwerk-auth")
@JaxrsApplicationSelect(PaktwerkRest.API_SELECT)
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    static final String REALM = "karaf";

    static final String TOKEN_USER = "(API-Token)";
    private static final Logger LOG = LoggerFactory.getLogger(AuthenticationFilter.class);

    @Context
    private ResourceInfo resourceInfo;

    @Context
    private HttpServletRequest servletRequest;

    private final ApiTokens tokens;
    private final ActorRoles users;
    private final AuthCache cache;
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final SessionTokens sessions;
    private final de.paktwerk.core.internal.security.LoginTiming timing;

    @Activate
    public AuthenticationFilter(@Reference ApiTokens tokens, @Reference ActorRoles users, @Reference AuthCache cache,
                                @Reference LoginThrottle throttle, @Reference AuditLog audit, @Reference SessionTokens sessions,
                                @Reference de.paktwerk.core.internal.security.LoginTiming timing) {
        this.sessions = sessions;
        this.timing = timing;
        this.tokens = tokens;
        this.users = users;
        this.cache = cache;
        this.throttle = throttle;
        this.audit = audit;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        PermitAll permitAll = annotation(PermitAll.class);
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            if (SessionTokens.isSessionToken(token)) {
                Optional<String> user = sessions.authenticate(token);
                if (user.isEmpty()) {
                    if (permitAll == null) {
                        ctx.abortWith(unauthorized(ctx, "Die Sitzung ist abgelaufen oder beendet. Bitte melden Sie sich erneut an."));
                    }
                    return;
                }
                authorize(ctx, new Caller(user.get(), users.roles(user.get()).orElse(Set.of())), permitAll);
                return;
            }
            // a valid token always passes: only invalid tokens are counted and throttled, by address and by the
            // token's prefix, never against a user (a flood of bogus tokens must not lock out the valid ones)
            Optional<Caller> cached = cache.get("bearer", token);
            if (cached.isPresent()) {
                authorize(ctx, cached.get(), permitAll);
                return;
            }
            Optional<ApiTokens.TokenUser> user = tokens.authenticate(token);
            if (user.isPresent()) {
                Caller caller = new Caller(user.get().user(), user.get().roles());
                cache.put("bearer", token, caller);
                authorize(ctx, caller, permitAll);
                return;
            }
            String address = address();
            String prefix = LoginThrottle.tokenPrefix(token);
            Optional<Duration> wait = throttle.blockedToken(prefix, address);
            if (wait.isPresent()) {
                tooMany(ctx, wait.get(), "Nach zu vielen ungültigen API-Tokens von dieser Adresse sind weitere ungültige Tokens für ");
                return;
            }
            throttle.failedToken(prefix, address);
            failed(TOKEN_USER, address, false);
            ctx.abortWith(unauthorized(ctx, "Das API-Token ist ungültig, abgelaufen oder widerrufen, oder sein Benutzer existiert nicht mehr."));
            return;
        }
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (permitAll == null) {
                ctx.abortWith(unauthorized(ctx, "Bitte melden Sie sich an (HTTP Basic oder API-Token)."));
            }
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            ctx.abortWith(unauthorized(ctx, "Die Anmeldedaten sind nicht lesbar (Base64 erwartet)."));
            return;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            ctx.abortWith(unauthorized(ctx, "Die Anmeldedaten sind nicht lesbar (Benutzer:Passwort erwartet)."));
            return;
        }
        String user = decoded.substring(0, colon);
        String address = address();
        if (refusedAsThrottled(ctx, user, address)) {
            return;
        }
        Optional<Caller> cached = cache.get("basic", decoded);
        if (cached.isPresent()) {
            authorize(ctx, cached.get(), permitAll);
            return;
        }
        char[] password = decoded.substring(colon + 1).toCharArray();
        boolean known = users.roles(user).isPresent();
        Subject subject = known ? login(user, password) : null;
        if (!known) {
            timing.equalise(password); // an unknown name costs what a wrong password costs
        }
        if (subject == null) {
            failed(user, address, true);
            ctx.abortWith(unauthorized(ctx, "Benutzername oder Passwort ist falsch."));
            return;
        }
        throttle.succeeded(user);
        Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName).collect(Collectors.toSet());
        String name = subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName).findFirst().orElse(user);
        Caller caller = new Caller(name, roles);
        cache.put("basic", decoded, caller);
        authorize(ctx, caller, permitAll);
    }

    private String address() {
        try {
            return servletRequest == null ? "(unbekannt)" : String.valueOf(servletRequest.getRemoteAddr());
        } catch (RuntimeException noRequest) {
            return "(unbekannt)";
        }
    }

    /** Answers 429 with Retry-After if the user or the address has failed too often. */
    private boolean refusedAsThrottled(ContainerRequestContext ctx, String user, String address) {
        Optional<Duration> wait = throttle.blocked(user, address);
        if (wait.isEmpty()) {
            return false;
        }
        tooMany(ctx, wait.get(), "Nach zu vielen fehlgeschlagenen Anmeldungen für diesen Benutzer oder von dieser Adresse sind weitere Versuche für ");
        return true;
    }

    private static void tooMany(ContainerRequestContext ctx, Duration wait, String detail) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        ctx.abortWith(Response.status(429).type(PaktwerkRest.PROBLEM_JSON).header(HttpHeaders.RETRY_AFTER, seconds)
                .entity(Problem.of(429, "Zu viele fehlgeschlagene Anmeldungen", detail + seconds + " Sekunden gesperrt.")).build());
    }

    /** Logs, audits and counts a failed login; the audit names the user only if it exists, never the password. */
    private void failed(String user, String address, boolean count) {
        if (count) {
            throttle.failed(user, address);
        }
        boolean known = !TOKEN_USER.equals(user) && users.roles(user).isPresent();
        String subject = TOKEN_USER.equals(user) ? TOKEN_USER : known ? user : "(unbekannter Benutzer)";
        LOG.warn("Fehlgeschlagene Anmeldung an der REST-Schnittstelle: Benutzer {} von {}", subject, address);
        try {
            audit.append("(anonym)", "login", subject.length() > 100 ? subject.substring(0, 100) : subject, "failure", null,
                    Json.object(Map.of("address", address)));
        } catch (RuntimeException e) {
            LOG.error("Fehlgeschlagene Anmeldung konnte nicht protokolliert werden", e);
        }
    }

    private void authorize(ContainerRequestContext ctx, Caller caller, PermitAll permitAll) {
        Set<String> roles = caller.roles();
        boolean secure = ctx.getSecurityContext() != null && ctx.getSecurityContext().isSecure();
        ctx.setSecurityContext(new PaktwerkSecurityContext(caller, secure));
        RolesAllowed allowed = annotation(RolesAllowed.class);
        if (permitAll == null && allowed != null && !roles.contains("admin")
                && java.util.Arrays.stream(allowed.value()).noneMatch(roles::contains)) {
            ctx.abortWith(Problems.response(403, "Nicht erlaubt", "Dafür ist eine dieser Rollen nötig: "
                    + String.join(", ", allowed.value()) + "."));
        }
    }

    private <A extends java.lang.annotation.Annotation> A annotation(Class<A> type) {
        if (resourceInfo == null || resourceInfo.getResourceMethod() == null) {
            return null;
        }
        A onMethod = resourceInfo.getResourceMethod().getAnnotation(type);
        return onMethod != null ? onMethod : resourceInfo.getResourceClass().getAnnotation(type);
    }

    private static Subject login(String user, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(AuthenticationFilter.class.getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext lc = new LoginContext(REALM, subject, callbacks -> {
                for (Callback cb : callbacks) {
                    if (cb instanceof NameCallback nc) {
                        nc.setName(user);
                    } else if (cb instanceof PasswordCallback pc) {
                        pc.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            lc.login();
            return subject;
        } catch (LoginException e) {
            return null;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Header with which the web interface asks for a 401 without the browser's own login dialog. */
    static final String WEB_CLIENT_HEADER = "X-Paktwerk-Client";

    private static Response unauthorized(ContainerRequestContext ctx, String detail) {
        Response.ResponseBuilder r = Response.status(401).type(PaktwerkRest.PROBLEM_JSON);
        if (ctx.getHeaderString(WEB_CLIENT_HEADER) == null) {
            r.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Paktwerk\", charset=\"UTF-8\"");
        }
        return r.entity(Problem.of(401, "Anmeldung erforderlich", detail)).build();
    }

    /** The authenticated caller; its principal is the {@link Caller} with roles and scopes. */
    record PaktwerkSecurityContext(Caller caller, boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return caller;
        }

        @Override
        public boolean isUserInRole(String role) {
            return caller.has(role);
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return BASIC_AUTH;
        }
    }
}
