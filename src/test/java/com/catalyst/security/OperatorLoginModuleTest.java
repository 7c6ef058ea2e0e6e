package com.catalyst.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.FailedLoginException;

import io.hawt.web.auth.RolePrincipal;
import io.hawt.web.auth.UserPrincipal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorLoginModuleTest {

    private final OperatorCredentials credentials = new OperatorCredentials("operator", "correct horse battery", "U", "P");

    @Test
    void theRightLoginGetsHawtiosUserAndAdminRole() throws Exception {
        Subject subject = new Subject();
        OperatorLoginModule module = module(subject, "operator", "correct horse battery");

        assertThat(module.login()).isTrue();
        assertThat(module.commit()).isTrue();
        Set<String> principals = subject.getPrincipals().stream().map(p -> p.getClass().getSimpleName() + ":" + p.getName())
                .collect(Collectors.toSet());
        assertThat(principals).containsExactlyInAnyOrder(UserPrincipal.class.getSimpleName() + ":operator",
                RolePrincipal.class.getSimpleName() + ":admin");

        module.logout();
        assertThat(subject.getPrincipals()).isEmpty();
    }

    @Test
    void aWrongPasswordOrUserIsRefusedAndLeavesTheSubjectEmpty() throws Exception {
        for (String[] attempt : new String[][] {{"operator", "correct horse batterY"}, {"Operator", "correct horse battery"},
                {"operator", ""}, {"", "correct horse battery"}}) {
            Subject subject = new Subject();
            OperatorLoginModule module = module(subject, attempt[0], attempt[1]);
            assertThatThrownBy(module::login).isInstanceOf(FailedLoginException.class);
            assertThat(module.commit()).isFalse();
            assertThat(subject.getPrincipals()).isEmpty();
        }
    }

    @Test
    void aMissingOrShortSettingIsNamedButItsValueIsNot() {
        assertThatThrownBy(() -> new OperatorCredentials(" ", "long enough password", "CATALYST_HAWTIO_USER", "CATALYST_HAWTIO_PASSWORD"))
                .hasMessageStartingWith("CATALYST_HAWTIO_USER is not set");
        assertThatThrownBy(() -> new OperatorCredentials("operator", null, "CATALYST_HAWTIO_USER", "CATALYST_HAWTIO_PASSWORD"))
                .hasMessageStartingWith("CATALYST_HAWTIO_PASSWORD is not set");
        assertThatThrownBy(() -> new OperatorCredentials("operator", "short-pw", "CATALYST_HAWTIO_USER", "CATALYST_HAWTIO_PASSWORD"))
                .hasMessageStartingWith("CATALYST_HAWTIO_PASSWORD is too short").hasMessageNotContaining("short-pw");
        assertThat(credentials.toString()).doesNotContain("correct horse battery");
    }

    private OperatorLoginModule module(Subject subject, String user, String password) {
        OperatorLoginModule module = new OperatorLoginModule();
        Map<String, Object> options = new HashMap<>();
        options.put(OperatorLoginModule.CREDENTIALS_OPTION, (Supplier<OperatorCredentials>) () -> credentials);
        module.initialize(subject, callbacks -> {
            ((NameCallback) callbacks[0]).setName(user);
            ((PasswordCallback) callbacks[1]).setPassword(password.toCharArray());
        }, new HashMap<>(), options);
        return module;
    }
}
