package com.catalyst;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CatalystApplication {

    public static void main(String[] args) {
        try {
            SpringApplication.run(CatalystApplication.class, args);
        } catch (RuntimeException e) {
            // Spring has reported why and closed the context; a library thread that is not a daemon (the MCP SDK's
            // session sweeper) must not keep a failed process alive, or a supervisor would never restart it
            System.exit(1);
        }
    }
}
