package de.paktwerk.core.internal.rest;

import de.paktwerk.core.api.rest.Caller;
import de.paktwerk.core.api.rest.PaktwerkRest;
import de.paktwerk.core.internal.security.ApiTokens;
import de.paktwerk.core.internal.security.AuthCache;
import de.paktwerk.core.internal.security.JaasUsers;
import java.util.Optional;
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
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("paktwerk-auth")
@JaxrsApplicationSelect(PaktwerkRest.API_SELECT)
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

    static final String REALM = "karaf";

    @Context
    private ResourceInfo resourceInfo;

    private final ApiTokens tokens;
    private final JaasUsers users;
    private final AuthCache cache;

    @Activate
    public AuthenticationFilter(@Reference ApiTokens tokens, @Reference JaasUsers users, @Reference AuthCache cache) {
        this.tokens = tokens;
        this.users = users;
        this.cache = cache;
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        PermitAll permitAll = annotation(PermitAll.class);
        String header = ctx.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).trim();
            Optional<Caller> cached = cache.get("bearer", token);
            if (cached.isPresent()) {
                authorize(ctx, cached.get(), permitAll);
                return;
            }
            Optional<String> user = tokens.authenticate(token);
            Optional<Set<String>> roles = user.flatMap(users::roles);
            if (roles.isEmpty()) {
                ctx.abortWith(unauthorized("Das API-Token ist ungültig oder widerrufen."));
                return;
            }
            Caller caller = new Caller(user.get(), roles.get());
            cache.put("bearer", token, caller);
            authorize(ctx, caller, permitAll);
            return;
        }
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            if (permitAll == null) {
                ctx.abortWith(unauthorized("Bitte melden Sie sich an (HTTP Basic oder API-Token)."));
            }
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            ctx.abortWith(unauthorized("Die Anmeldedaten sind nicht lesbar (Base64 erwartet)."));
            return;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            ctx.abortWith(unauthorized("Die Anmeldedaten sind nicht lesbar (Benutzer:Passwort erwartet)."));
            return;
        }
        Optional<Caller> cached = cache.get("basic", decoded);
        if (cached.isPresent()) {
            authorize(ctx, cached.get(), permitAll);
            return;
        }
        String user = decoded.substring(0, colon);
        char[] password = decoded.substring(colon + 1).toCharArray();
        Subject subject = login(user, password);
        if (subject == null) {
            ctx.abortWith(unauthorized("Benutzername oder Passwort ist falsch."));
            return;
        }
        Set<String> roles = subject.getPrincipals(RolePrincipal.class).stream().map(Principal::getName).collect(Collectors.toSet());
        String name = subject.getPrincipals(UserPrincipal.class).stream().map(Principal::getName).findFirst().orElse(user);
        Caller caller = new Caller(name, roles);
        cache.put("basic", decoded, caller);
        authorize(ctx, caller, permitAll);
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

    private static Response unauthorized(String detail) {
        return Response.status(401).type(PaktwerkRest.PROBLEM_JSON)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Paktwerk\", charset=\"UTF-8\"")
                .entity(Problem.of(401, "Anmeldung erforderlich", detail)).build();
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
