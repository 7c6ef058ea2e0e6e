package com.catalyst.security;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The operator's login (HTTP Basic in front of Hawtio, Jolokia and the actuator): the user name and a salted SHA-256 of the password (the password itself is not kept,
 * so no object that might be logged or dumped holds it). Matching compares in constant time.
 */
public final class OperatorCredentials {

    /** Shorter passwords are refused at start-up: Jolokia can stop routes, so the login guards real power. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final String user;
    private final byte[] salt = new byte[16];
    private final byte[] passwordHash;

    /**
     * @throws IllegalArgumentException naming the missing or too short setting (never its value)
     */
    public OperatorCredentials(String user, String password, String userSetting, String passwordSetting) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException(userSetting + " is not set: the operator's login (Hawtio, Jolokia) needs a user with the password");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalArgumentException(passwordSetting + " is not set: the operator's login (Hawtio, Jolokia) needs a password with the user");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException(passwordSetting + " is too short: at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        this.user = user.trim();
        new SecureRandom().nextBytes(salt);
        this.passwordHash = hash(password.toCharArray());
    }

    public String user() {
        return user;
    }

    public boolean matches(String candidateUser, char[] candidatePassword) {
        if (candidateUser == null || candidatePassword == null) {
            return false;
        }
        boolean userOk = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8), candidateUser.getBytes(StandardCharsets.UTF_8));
        boolean passwordOk = MessageDigest.isEqual(passwordHash, hash(candidatePassword));
        return userOk & passwordOk;
    }

    private byte[] hash(char[] password) {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            sha256.update(bytes);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        } finally {
            Arrays.fill(bytes.array(), (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "OperatorCredentials[user=" + user + "]";
    }
}
