package com.orderdesk.cartcom.importer.service;

import com.orderdesk.cartcom.model.events.MalformedEventException;

/** What an import did with one fetched order; a rejected order can never import and goes to the dead-letter topic. */
public record ImportOutcome(Kind kind, MalformedEventException rejection) {
    public enum Kind {
        IMPORTED, ALREADY_IMPORTED, REJECTED
    }

    static final ImportOutcome IMPORTED = new ImportOutcome(Kind.IMPORTED, null);
    static final ImportOutcome ALREADY_IMPORTED = new ImportOutcome(Kind.ALREADY_IMPORTED, null);

    static ImportOutcome rejected(MalformedEventException reason) {
        return new ImportOutcome(Kind.REJECTED, reason);
    }

    public boolean rejected() {
        return kind == Kind.REJECTED;
    }
}
