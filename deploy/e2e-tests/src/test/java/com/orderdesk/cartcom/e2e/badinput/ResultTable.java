package com.orderdesk.cartcom.e2e.badinput;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of bad inputs and the answers they got, printed in the test output; every row that did not get its
 * documented answer is a failure, and all of them are reported together (one wrong row must not hide the others).
 */
final class ResultTable {
    private static final int MAX_CELL = 70;

    private final String title;
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    ResultTable(String title, String... headers) {
        this.title = title;
        this.headers = new ArrayList<>(List.of(headers));
        this.headers.add("verdict");
    }

    /** One row: its cells in header order, then whether it got the documented answer. */
    void add(boolean ok, String... cells) {
        List<String> row = new ArrayList<>();
        for (String cell : cells) {
            row.add(printable(cell));
        }
        row.add(ok ? "ok" : "FAIL");
        rows.add(row);
        if (!ok) {
            failures.add(String.join(" | ", cells));
        }
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    void print() {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder("\n").append(title).append(" (").append(rows.size()).append(" rows, ")
                .append(failures.size()).append(" failed)\n");
        line(out, headers, widths);
        StringBuilder rule = new StringBuilder();
        for (int width : widths) {
            rule.append("|").append("-".repeat(width + 2));
        }
        out.append(rule).append("|\n");
        for (List<String> row : rows) {
            line(out, row, widths);
        }
        System.out.println(out);
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        for (int i = 0; i < cells.size(); i++) {
            out.append("| ").append(cells.get(i)).append(" ".repeat(widths[i] - cells.get(i).length())).append(' ');
        }
        out.append("|\n");
    }

    /** Control characters and non-ASCII shown escaped (a CR/LF in a domain must stay visible), long text cut. */
    static String printable(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() <= MAX_CELL; i++) {
            char c = text.charAt(i);
            if (c == '|') {
                out.append("\\|");
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        boolean cut = i < text.length() || out.length() > MAX_CELL;
        return cut ? out.substring(0, Math.min(out.length(), MAX_CELL - 3)) + "..." : out.toString();
    }
}
