package com.workerrolewizard.core.validation;

/**
 * One finding of IAM Access Analyzer's policy validation ({@code ValidatePolicy}).
 *
 * @param type      {@code ERROR}, {@code SECURITY_WARNING}, {@code WARNING} or {@code SUGGESTION}
 * @param issueCode what it found ({@code JSON_SYNTAX_ERROR}, {@code MISSING_VERSION}...)
 * @param detail    Access Analyzer's sentence
 * @param link      where AWS explains it (may be empty)
 */
public record Finding(String type, String issueCode, String detail, String link) {
    /** An error: IAM would refuse the document, or it does not say what it was meant to; no write goes ahead. */
    public boolean blocks() {
        return "ERROR".equals(type);
    }

    /** "[SECURITY_WARNING] TRUST_POLICY_...: the sentence (link)". */
    public String line() {
        return "[" + type + "] " + issueCode + ": " + detail
                + (link == null || link.isEmpty() ? "" : " (" + link + ")");
    }
}
