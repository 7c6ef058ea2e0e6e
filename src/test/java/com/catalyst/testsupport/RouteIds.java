package com.catalyst.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.yaml.snakeyaml.Yaml;

/**
 * The route ids the project defines, read from where they are written: the YAML files in routes/ and the Java
 * RouteBuilders once Camel has configured them. REST verbs are not counted: Camel inlines each into the direct:
 * route it calls, so they never become routes of their own.
 */
public final class RouteIds {

    private RouteIds() {
    }

    public static Set<String> fromYaml(Path routesDir) throws IOException {
        Set<String> ids = new TreeSet<>();
        for (Map<?, ?> entry : entries(routesDir)) {
            if (entry.get("route") instanceof Map<?, ?> route) {
                ids.add((String) route.get("id"));
            }
        }
        return ids;
    }

    /** One REST verb of a route file: its id, method, full path and whether it takes a body (declares consumes). */
    public record RestOperation(String id, String method, String path, boolean takesBody) {
    }

    /** Every REST verb defined in the YAML files of {@code routesDir}, file by file in name order. */
    public static List<RestOperation> restOperations(Path routesDir) throws IOException {
        List<RestOperation> operations = new java.util.ArrayList<>();
        for (Map<?, ?> entry : entries(routesDir)) {
            if (entry.get("rest") instanceof Map<?, ?> rest) {
                String base = (String) rest.get("path");
                for (String method : List.of("get", "post", "put", "delete", "patch", "head")) {
                    if (rest.get(method) instanceof List<?> list) {
                        for (Object item : list) {
                            Map<?, ?> verb = (Map<?, ?>) item;
                            Object path = verb.get("path");
                            operations.add(new RestOperation((String) verb.get("id"), method.toUpperCase(java.util.Locale.ROOT),
                                    base + (path == null ? "" : path), verb.get("consumes") != null || rest.get("consumes") != null));
                        }
                    }
                }
            }
        }
        return operations;
    }

    /** "METHOD /path" of every REST verb defined in the YAML files of {@code routesDir}. */
    public static Set<String> restVerbs(Path routesDir) throws IOException {
        Set<String> verbs = new TreeSet<>();
        restOperations(routesDir).forEach(op -> verbs.add(op.method() + " " + op.path()));
        return verbs;
    }

    /** The top-level entries (route, rest, routeTemplate, ...) of every YAML file in {@code routesDir}. */
    private static List<Map<?, ?>> entries(Path routesDir) throws IOException {
        List<Map<?, ?>> entries = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.list(routesDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object entry : (List<?>) new Yaml().load(reader)) {
                        entries.add((Map<?, ?>) entry);
                    }
                }
            }
        }
        return entries;
    }

    /** Ids of the routes of RouteBuilders that Camel has already configured. */
    public static Set<String> fromJava(Iterable<? extends RouteBuilder> builders) {
        Set<String> ids = new TreeSet<>();
        for (RouteBuilder builder : builders) {
            builder.getRouteCollection().getRoutes().stream().map(RouteDefinition::getRouteId).filter(Objects::nonNull).forEach(ids::add);
        }
        return ids;
    }
}
