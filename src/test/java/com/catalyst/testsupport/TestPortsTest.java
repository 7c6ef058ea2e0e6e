package com.catalyst.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPortsTest {

    @Test
    void portsAreNeverHandedOutTwiceAndAreFreeBelowTheEphemeralRange() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int port = TestPorts.free();
            assertThat(port).isBetween(20_000, 29_999);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = ports.iterator().next();
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port)); // still free to bind: only reserved, not held
        }
    }

    @Test
    void aPortIsHeldAgainstAnotherJvmByAFileLock(@TempDir Path dir) throws Exception {
        int port = TestPorts.free();
        Path lock = Path.of(System.getProperty("java.io.tmpdir"), "catalyst-test-ports", port + ".lock");
        // another JVM (a second test run on the machine) asks for the same lock: it must be refused while this JVM lives.
        // Not asked from here: opening and closing a second channel on the file would drop this JVM's lock (POSIX locks)
        Path probe = dir.resolve("Probe.java");
        Files.writeString(probe, """
                public class Probe {
                    public static void main(String[] args) throws Exception {
                        try (var channel = java.nio.channels.FileChannel.open(java.nio.file.Path.of(args[0]),
                                java.nio.file.StandardOpenOption.WRITE)) {
                            System.out.print(channel.tryLock() == null ? "held" : "free");
                        }
                    }
                }
                """);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBin, probe.toString(), lock.toString()).redirectErrorStream(true).start();
        String answer = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(answer).isZero();
        assertThat(answer).isEqualTo("held");
    }
}
