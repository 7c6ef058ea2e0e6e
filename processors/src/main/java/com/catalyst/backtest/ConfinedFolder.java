package com.catalyst.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A configured folder ({@code catalyst.backtest.data-dir}, {@code files-dir}) that a request names paths inside. A path is
 * accepted by its real location (every symbolic link resolved), so a link inside the folder that points elsewhere is
 * refused like {@code ..} or an absolute path. Messages name the path relative to the folder, never where the folder
 * is on disk, and never anything read from a file.
 *
 * @param setting the property that configures the folder, as messages name it ({@code catalyst.backtest.files-dir})
 * @param root    the folder as configured (relative to the working directory or absolute)
 */
public record ConfinedFolder(String setting, Path root) {

    /** A path accepted inside the folder: its real location, and its name relative to the folder for messages. */
    public record Inside(Path real, String name) {
    }

    /** The bar file {@code requested} names, relative to the folder: a regular {@code .csv} file whose real path is inside. */
    public Inside file(String field, String requested) {
        String relative = relative(field, requested);
        if (relative.isEmpty()) {
            throw new BacktestInputException("'" + field + "' must name a file in " + setting);
        }
        if (!relative.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            throw new BacktestInputException("'" + field + "' " + relative + " is not a .csv file; bar files are CSV (docs/backtesting.md)");
        }
        Path real = real(field, relative);
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new BacktestInputException("'" + field + "' " + relative + " is not a file");
        }
        return new Inside(real, relative);
    }

    /**
     * The folder {@code requested} names, relative to this folder (this folder itself when blank). Every file under it
     * must be inside too: the replay adapter reads the whole tree, links included.
     */
    public Inside folder(String field, String requested) {
        String relative = requested == null ? "" : relative(field, requested);
        Path real = real(field, relative);
        if (!Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new BacktestInputException("'" + field + "' " + display(relative) + " is not a folder");
        }
        Path top = top();
        try (Stream<Path> tree = Files.walk(real)) {
            for (Path p : (Iterable<Path>) tree::iterator) {
                if (Files.isSymbolicLink(p) && !inside(top, p)) {
                    throw new BacktestInputException("'" + field + "' " + display(relative) + " holds " + display(top.relativize(p).toString())
                            + ", a link to outside " + setting);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new BacktestInputException("'" + field + "' " + display(relative) + " could not be read");
        }
        return new Inside(real, display(relative));
    }

    /** How messages name a path relative to the folder: the folder itself by its setting. */
    private String display(String relative) {
        String name = setting.substring(setting.lastIndexOf('.') + 1);
        return relative.isEmpty() ? name : name + "/" + relative;
    }

    /** {@code requested} as a normalized relative path ("" for the folder itself), refused when it is absolute or climbs. */
    private String relative(String field, String requested) {
        String text = requested == null ? "" : requested.strip();
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new BacktestInputException("'" + field + "' is not a valid path");
        }
        if (path.isAbsolute() || text.startsWith("/") || text.startsWith("\\") || text.startsWith("~")) {
            throw new BacktestInputException("'" + field + "' must be a path relative to " + setting + ", not an absolute one");
        }
        for (Path part : path) {
            if (part.toString().equals("..")) {
                throw new BacktestInputException("'" + field + "' must not climb out of " + setting + " ('..')");
            }
        }
        String normal = path.normalize().toString();
        return normal.equals(".") ? "" : normal;
    }

    private Path top() {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new BacktestInputException(setting + " does not exist or cannot be read; check the setting");
        }
    }

    /** The real path of {@code relative}, which must exist and lie inside the folder's real path. */
    private Path real(String field, String relative) {
        Path top = top();
        Path real;
        try {
            real = top.resolve(relative).toRealPath();
        } catch (IOException e) {
            throw new BacktestInputException("'" + field + "' " + (relative.isEmpty() ? setting : relative) + " does not exist in " + setting);
        }
        if (!real.startsWith(top)) {
            throw new BacktestInputException("'" + field + "' " + relative + " lies outside " + setting + " (a link to elsewhere)");
        }
        return real;
    }

    private static boolean inside(Path top, Path link) {
        try {
            return link.toRealPath().startsWith(top);
        } catch (IOException e) {
            return false; // a dangling link is read as nothing by the walk; refusing it is the safe side
        }
    }
}
