package io.aclens.console.web;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A list exported as CSV the way Excel opens it without asking: UTF-8 with a byte-order mark, comma-separated, every field
 * quoted. (Five lines; a CSV library would add a dependency for less.)
 */
final class Csv {
    private Csv() {
    }

    static Response attachment(String fileName, List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(line(header));
        rows.forEach(row -> csv.append(line(row)));
        return Response.ok(csv.toString().getBytes(StandardCharsets.UTF_8)).type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    static String line(List<String> fields) {
        return fields.stream().map(f -> "\"" + (f == null ? "" : f.replace("\"", "\"\"")) + "\"").collect(Collectors.joining(",")) + "\r\n";
    }
}
