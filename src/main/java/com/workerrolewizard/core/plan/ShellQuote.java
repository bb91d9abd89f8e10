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
        // zsh expands a word that starts with = (=ls is the path of ls): quote it.
        return SAFE.matcher(word).matches() && !word.startsWith("=") ? word : "'" + word.replace("'", "'\\''") + "'";
    }

    /** PowerShell: single quotes, each quote doubled, typographic ones too (PowerShell ends a string at those as well). */
    public static String powershell(String word) {
        if (SAFE.matcher(word).matches()) {
            return word;
        }
        StringBuilder quoted = new StringBuilder("'");
        for (char c : word.toCharArray()) {
            quoted.append(c);
            if (c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u201B') {
                quoted.append(c);
            }
        }
        return quoted.append('\'').toString();
    }

    public static String awsCli(List<String> iamArguments) {
        return "aws iam " + iamArguments.stream().map(ShellQuote::posix).collect(Collectors.joining(" "));
    }
}
