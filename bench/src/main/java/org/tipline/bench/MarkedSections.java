package org.tipline.bench;

/**
 * Sections of a Markdown page that a benchmark writes: the text between {@code <!-- bench:NAME:start -->} and
 * {@code <!-- bench:NAME:end -->}, so that published numbers only ever come from a run.
 */
public final class MarkedSections {

    private MarkedSections() {
    }

    /** {@code document} with section {@code name} replaced by {@code content}; fails if the markers are missing. */
    public static String replace(String document, String name, String content) {
        String start = start(name);
        String end = end(name);
        int from = document.indexOf(start);
        int to = document.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalArgumentException("The document has no " + start + " … " + end + " section");
        }
        return document.substring(0, from + start.length()) + "\n" + content + document.substring(to);
    }

    static String start(String name) {
        return "<!-- bench:" + name + ":start -->";
    }

    static String end(String name) {
        return "<!-- bench:" + name + ":end -->";
    }
}
