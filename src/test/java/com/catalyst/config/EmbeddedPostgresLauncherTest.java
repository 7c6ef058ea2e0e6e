package com.catalyst.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A restart on the embedded database never reaches the previous run's server: a start waits while the process that
 * {@code postmaster.pid} names is alive (and fails naming it), and goes on at once over a stale file of a dead one.
 */
class EmbeddedPostgresLauncherTest {

    @TempDir
    Path data;

    @Test
    void aLivePostmasterIsWaitedOnAndNamedWhenItOutlastsTheWait() throws Exception {
        long self = ProcessHandle.current().pid();
        Files.writeString(data.resolve("postmaster.pid"), self + "\n" + data + "\n1700000000\n54329\n");
        assertThat(EmbeddedPostgresLauncher.livePostmaster(data.resolve("postmaster.pid"))).isEqualTo(self);
        assertThatThrownBy(() -> EmbeddedPostgresLauncher.awaitNoServerIn(data, Duration.ofMillis(300)))
                .hasMessageContaining("pid " + self).hasMessageContaining("still runs on " + data);
    }

    @Test
    void theWaitEndsWhenTheServerLeavesTheFolder() throws Exception {
        Path pidFile = data.resolve("postmaster.pid");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n");
        CompletableFuture<Void> leaves = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(500);
                Files.delete(pidFile);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        EmbeddedPostgresLauncher.awaitNoServerIn(data, Duration.ofSeconds(30));
        assertThat(leaves).isDone();
        assertThat(pidFile).doesNotExist();
    }

    @Test
    void aStaleFileOfADeadProcessNoFileAndAnUnreadableFileAreNotWaitedOn() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path pidFile = data.resolve("postmaster.pid");
        Files.writeString(pidFile, gone.pid() + "\n");
        assertThat(EmbeddedPostgresLauncher.livePostmaster(pidFile)).isZero();
        EmbeddedPostgresLauncher.awaitNoServerIn(data, Duration.ZERO);
        Files.writeString(pidFile, "not a pid\n");
        assertThat(EmbeddedPostgresLauncher.livePostmaster(pidFile)).isZero();
        Files.delete(pidFile);
        assertThat(EmbeddedPostgresLauncher.livePostmaster(pidFile)).isZero();
    }
}
