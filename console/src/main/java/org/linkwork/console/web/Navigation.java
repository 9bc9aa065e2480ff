package org.linkwork.console.web;

import io.quarkus.qute.TemplateGlobal;
import java.util.List;

/** The link worker's menu, on every page. */
@TemplateGlobal
public class Navigation {

    public record Item(String code, String text, String href) {
    }

    static final List<Item> navigation = List.of(new Item("caseload", "Caseload", "/caseload"), new Item("directory", "Directory search", "/directory"),
            new Item("inbox", "Inbox", "/inbox"));
}
