package com.catalyst.security;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

import io.hawt.web.auth.RolePrincipal;
import io.hawt.web.auth.UserPrincipal;

/**
 * JAAS login module of Hawtio's realm: checks the name and password Hawtio collected (login form or Basic auth on
 * Jolokia) against the one operator login, and gives that subject Hawtio's user principal and the admin role.
 */
public final class OperatorLoginModule implements LoginModule {

    /** The option of the realm's entry: a {@code Supplier<OperatorCredentials>}. */
    public static final String CREDENTIALS_OPTION = OperatorCredentials.class.getName();
    /** The role granted; Hawtio's default authorized roles are admin, manager and viewer. */
    static final String ROLE = "admin";

    private Subject subject;
    private CallbackHandler callbacks;
    private Supplier<OperatorCredentials> credentials;
    private String authenticated;
    private List<Principal> added = List.of();

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState, Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        @SuppressWarnings("unchecked")
        Supplier<OperatorCredentials> supplier = (Supplier<OperatorCredentials>) options.get(CREDENTIALS_OPTION);
        this.credentials = supplier;
    }

    @Override
    public boolean login() throws LoginException {
        if (credentials == null || callbacks == null) {
            throw new LoginException("the operator realm is not configured");
        }
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("password", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (Exception e) {
            throw new LoginException("no user name and password given: " + e.getClass().getSimpleName());
        }
        char[] secret = password.getPassword();
        try {
            if (!credentials.get().matches(name.getName(), secret)) {
                throw new FailedLoginException("wrong user name or password");
            }
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
            password.clearPassword();
        }
        authenticated = name.getName();
        return true;
    }

    @Override
    public boolean commit() {
        if (authenticated == null) {
            return false;
        }
        added = List.of(new UserPrincipal(authenticated), new RolePrincipal(ROLE));
        subject.getPrincipals().addAll(added);
        return true;
    }

    @Override
    public boolean abort() {
        return logout();
    }

    @Override
    public boolean logout() {
        if (subject != null && !subject.isReadOnly()) {
            subject.getPrincipals().removeAll(added);
        }
        added = List.of();
        authenticated = null;
        return true;
    }
}
