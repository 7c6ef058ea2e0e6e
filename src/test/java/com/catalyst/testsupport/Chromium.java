package com.catalyst.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Headless Chromium, installed with apt-get when missing; a machine where that fails fails the test. */
public final class Chromium {

    private Chromium() {
    }

    public static String binary() throws Exception {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        exec(List.of("apt-get", "install", "-y", "chromium"), 900);
        if (!new File("/usr/bin/chromium").canExecute()) {
            exec(List.of("apt-get", "update"), 900);
            exec(List.of("apt-get", "install", "-y", "chromium"), 900);
        }
        assertThat(new File("/usr/bin/chromium")).as("chromium installed by apt-get install -y chromium").canRead();
        return "/usr/bin/chromium";
    }

    /** A fresh user-data folder for a run (Chromium writes its profile there): {@link #deleteProfile} it afterwards. */
    public static Path newProfile() throws java.io.IOException {
        return Files.createTempDirectory("catalyst-chromium");
    }

    /** Deletes a profile folder and everything Chromium wrote into it; what cannot be deleted is left. */
    public static void deleteProfile(Path profile) {
        deleteQuietly(profile.toFile());
    }

    private static void deleteQuietly(File dir) {
        File[] children = dir.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        dir.delete();
    }

    public static String run(String binary, Path profile, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(binary, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        return exec(command, 180);
    }

    private static String exec(List<String> command, int seconds) throws Exception {
        Path out = Files.createTempFile("catalyst-exec", ".out");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + seconds + " s");
        }
        String output = Files.readString(out);
        Files.deleteIfExists(out);
        return output;
    }
}
