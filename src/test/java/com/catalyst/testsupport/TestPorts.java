package com.catalyst.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the processes a test starts (the packaged jar, a private Redis or PostgreSQL).
 *
 * <p>A port is handed out once per JVM and, while the JVM lives, is held against other test JVMs on the machine by a
 * lock on {@code <tmp>/catalyst-test-ports/<port>.lock}: a test hands its ports to processes that bind them seconds
 * later (nine JVMs start one after another in {@code NineProcessesIT}), and in that time another draw, here or in a
 * second test run on the same machine, must not get the same port. Seen before this: "Port 29228 was already in use",
 * and a test polling another run's process. The kernel drops the locks when the JVM exits, however it exits.
 *
 * <p>Ports are drawn at random from 20000–29999, below the kernel's ephemeral range (32768 and up), so no outgoing
 * connection's local port is ever one of them.
 */
public final class TestPorts {

    private static final int FIRST = 20_000;
    private static final int COUNT = 10_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    /** Held open for the JVM's lifetime: closing a channel releases its lock. */
    private static final List<FileChannel> HELD = new ArrayList<>();

    private TestPorts() {
    }

    /** A port no other caller in this JVM, and no other test JVM using this class, has been given, and free now. */
    public static synchronized int free() throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "catalyst-test-ports");
        Files.createDirectories(dir);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 500; attempt++) {
            int port = FIRST + random.nextInt(COUNT);
            if (HANDED_OUT.contains(port) || !bindable(port)) {
                continue;
            }
            FileChannel channel = FileChannel.open(dir.resolve(port + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close(); // another test JVM holds it
                continue;
            }
            HELD.add(channel);
            HANDED_OUT.add(port);
            return port;
        }
        throw new IOException("no free port in " + FIRST + "-" + (FIRST + COUNT - 1) + " after 500 draws");
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
