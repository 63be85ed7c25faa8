package org.tipline.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.tipline.tools.audit.AuditVerifyCommand;

import com.fasterxml.jackson.databind.JsonNode;

import picocli.CommandLine;

import static io.restassured.RestAssured.given;

/** What an auditor saves from the API (export, tree heads, keys, proofs) and the offline verifier run on them. */
public final class OfflineVerification {

    /** The verifier's exit code and what it printed. */
    public record Outcome(int exit, String output) {
    }

    private final Path folder;

    public OfflineVerification(Path folder) {
        this.folder = folder;
    }

    /** Streams the whole log to a file, as {@code curl /v1/audit/export > file} would. */
    public Path export(String name) throws IOException {
        Path file = folder.resolve(name);
        try (InputStream body = AuditApi.get("/v1/audit/export").then().statusCode(200)
                .contentType("application/x-ndjson").extract().asInputStream()) {
            Files.copy(body, file, StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }

    public Path save(String name, JsonNode json) throws IOException {
        return Files.writeString(folder.resolve(name), json.toString(), StandardCharsets.UTF_8);
    }

    public Path save(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }

    /** The gateway's published keys ({@code GET /v1/keys}, no credential needed). */
    public Path keys() throws IOException {
        return save("keys.json", given().get("/v1/keys").then().statusCode(200).extract().asString());
    }

    public Path checkpoint(String name) throws IOException {
        return save(name, AuditApi.checkpoint().then().statusCode(200).contentType("text/plain")
                .extract().asString());
    }

    /** Runs {@code tipline-audit-verify} with the given files. */
    public static Outcome verify(Path export, Path treeHead, Path keys, String... more) {
        List<String> args = new ArrayList<>(List.of("--export", export.toString(), "--tree-head", treeHead.toString(),
                "--keys", keys.toString()));
        args.addAll(List.of(more));
        StringWriter out = new StringWriter();
        CommandLine command = new CommandLine(new AuditVerifyCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(out, true));
        int exit = command.execute(args.toArray(String[]::new));
        return new Outcome(exit, out.toString());
    }
}
