package com.workerrolewizard.core.plan;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quoting for command lines an admin copies into a shell. */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    /** POSIX shells (bash, zsh): single quotes, with a single quote written as '\''. */
    public static String posix(String word) {
        return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** PowerShell: single quotes, with a single quote doubled. */
    public static String powershell(String word) {
        return SAFE.matcher(word).matches() ? word : "'" + word.replace("'", "''") + "'";
    }

    public static String awsCli(List<String> iamArguments) {
        return "aws iam " + iamArguments.stream().map(ShellQuote::posix).collect(Collectors.joining(" "));
    }
}
