package com.catalyst.backtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfinedFolderTest {

    static final String SECRET = "CATALYST_API_KEY=s3cr3t-do-not-show-0123456789";

    @TempDir
    Path tmp;
    Path files;
    Path outside;
    ConfinedFolder folder;

    @BeforeEach
    void layout() throws IOException {
        files = Files.createDirectories(tmp.resolve("files"));
        outside = Files.createDirectories(tmp.resolve("outside"));
        Files.write(outside.resolve("secret.csv"), List.of(SECRET));
        Files.write(files.resolve("bars.csv"), List.of(BarFileReader.HEADER));
        Files.createDirectories(files.resolve("sub"));
        Files.write(files.resolve("sub/more.csv"), List.of(BarFileReader.HEADER));
        folder = new ConfinedFolder("catalyst.backtest.files-dir", files);
    }

    @Test
    void aFileInsideIsItsRealPathNamedRelativeToTheFolder() throws IOException {
        ConfinedFolder.Inside bars = folder.file("file", "bars.csv");
        assertThat(bars.real()).isEqualTo(files.toRealPath().resolve("bars.csv"));
        assertThat(bars.name()).isEqualTo("bars.csv");
        assertThat(folder.file("file", "./sub/more.csv").name()).isEqualTo("sub/more.csv");
        // a link that stays inside the folder is fine
        Files.createSymbolicLink(files.resolve("alias.csv"), files.resolve("bars.csv"));
        assertThat(folder.file("file", "alias.csv").real()).isEqualTo(files.toRealPath().resolve("bars.csv"));
    }

    @Test
    void dotDotAnAbsolutePathAndALinkOutAreRefusedWithoutSayingWhereTheFolderIs() throws IOException {
        Files.createSymbolicLink(files.resolve("escape.csv"), outside.resolve("secret.csv"));
        Files.createSymbolicLink(files.resolve("elsewhere"), outside);
        for (String requested : List.of("../outside/secret.csv", "sub/../../outside/secret.csv", outside.resolve("secret.csv").toString(),
                "escape.csv", "elsewhere/secret.csv", "/etc/passwd.csv", "~/x.csv")) {
            assertThatThrownBy(() -> folder.file("file", requested)).as(requested)
                    .isInstanceOf(BacktestInputException.class)
                    .hasMessageContaining("catalyst.backtest.files-dir")
                    .hasMessageNotContaining(tmp.toString())
                    .hasMessageNotContaining(tmp.toRealPath().toString())
                    .hasMessageNotContaining(SECRET);
        }
        assertThatThrownBy(() -> folder.file("file", "escape.csv")).hasMessageContaining("escape.csv lies outside");
        assertThatThrownBy(() -> folder.file("file", "../outside/secret.csv")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> folder.file("file", outside.resolve("secret.csv").toString())).hasMessageContaining("not an absolute one");
    }

    @Test
    void onlyCsvFilesThatExist() {
        assertThatThrownBy(() -> folder.file("file", "nowhere.csv")).hasMessage("'file' nowhere.csv does not exist in catalyst.backtest.files-dir");
        assertThatThrownBy(() -> folder.file("file", ".env")).hasMessageContaining(".env is not a .csv file");
        assertThatThrownBy(() -> folder.file("file", "sub.csv/..")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> folder.file("file", "")).hasMessageContaining("must name a file");
    }

    @Test
    void aFolderIsRefusedWhenAnythingUnderItLinksOut() throws IOException {
        ConfinedFolder data = new ConfinedFolder("catalyst.backtest.data-dir", files);
        assertThat(data.folder("data_dir", null).name()).isEqualTo("data-dir");
        assertThat(data.folder("data_dir", "sub").name()).isEqualTo("data-dir/sub");
        assertThat(data.folder("data_dir", "sub").real()).isEqualTo(files.toRealPath().resolve("sub"));
        Files.createSymbolicLink(files.resolve("sub/nt-spy-minute.csv"), outside.resolve("secret.csv"));
        assertThatThrownBy(() -> data.folder("data_dir", "sub"))
                .hasMessage("'data_dir' data-dir/sub holds data-dir/sub/nt-spy-minute.csv, a link to outside catalyst.backtest.data-dir");
        assertThatThrownBy(() -> data.folder("data_dir", null)).hasMessageContaining("a link to outside");
        Files.createSymbolicLink(files.resolve("out"), outside);
        assertThatThrownBy(() -> data.folder("data_dir", "out")).hasMessageContaining("out lies outside").hasMessageNotContaining(tmp.toString());
        assertThatThrownBy(() -> data.folder("data_dir", "..")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> data.folder("data_dir", "bars.csv")).hasMessageContaining("is not a folder");
    }

    @Test
    void aMissingFolderSettingIsNamedNotLocated() {
        ConfinedFolder missing = new ConfinedFolder("catalyst.backtest.files-dir", tmp.resolve("nope"));
        assertThatThrownBy(() -> missing.file("file", "a.csv")).hasMessage("catalyst.backtest.files-dir does not exist or cannot be read; check the setting");
    }

    @Test
    void aFileWhoseLinesAreSecretsFailsWithoutQuotingThem() throws IOException {
        Files.write(files.resolve("env.csv"), List.of(SECRET, "more"));
        Files.write(files.resolve("rows.csv"), List.of(BarFileReader.HEADER, SECRET + ",a,b,c,d,e,f"));
        Files.write(files.resolve("nt-spy-minute-x.csv"), List.of(SECRET + ";1;2;3;4;5"));
        Files.write(files.resolve("fields.csv"), List.of(BarFileReader.HEADER, "SPY,2011-01-03T14:31:00Z," + SECRET + ",2,1,2,100"));
        for (String name : List.of("env.csv", "rows.csv", "nt-spy-minute-x.csv", "fields.csv")) {
            ConfinedFolder.Inside f = folder.file("file", name);
            assertThatThrownBy(() -> BacktestData.fromFile(f.real(), f.name(), List.of(), null, null)).as(name)
                    .isInstanceOf(BacktestInputException.class)
                    .hasMessageStartingWith(name)
                    .hasMessageNotContaining("s3cr3t")
                    .hasMessageNotContaining(tmp.toString());
        }
    }
}
