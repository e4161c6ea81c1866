package io.aclens.report.rest;

import io.aclens.support.rest.ProblemException;

/** The languages a report, a finding or a cell's reasons can be asked for. */
final class RequestedLanguage {
    private RequestedLanguage() {
    }

    /** @throws ProblemException 400 for any language but en and ru */
    static void require(String language) {
        if (!language.equals("en") && !language.equals("ru")) {
            throw ProblemException.badRequest("language: en or ru");
        }
    }
}
