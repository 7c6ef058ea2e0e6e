package com.catalyst;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class CatalystApplication {
    public static void main(String[] args) {
        SpringApplication.run(CatalystApplication.class, args);
    }
}
