package com.workerrolewizard.files;

import com.workerrolewizard.core.UserFacingException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The user's home folder, found as the AWS CLI and the AWS SDK find it: {@code $HOME} first, then on Windows
 * {@code %USERPROFILE%} and {@code %HOMEDRIVE%%HOMEPATH%}, then Java's {@code user.home}. Java's value alone is
 * not enough: it ignores {@code $HOME}, and for a user without a passwd entry it is {@code "?"}, which would make
 * a folder named {@code ?} in the working directory. A value that is not an absolute path is skipped; when none is
 * left, the program stops with one sentence.
 */
public final class UserHome {
    private UserHome() {}

    /** The home folder; an {@link UserFacingException} (exit 2) when no usable one is known. */
    public static Path resolve() {
        return resolve("");
    }

    /** @param otherwise another way out, for the sentence: ", or WORKER_ROLE_WIZARD_HOME to ..." */
    public static Path resolve(String otherwise) {
        return resolve(System::getenv, System.getProperty("os.name", ""), System.getProperty("user.home"), otherwise);
    }

    static Path resolve(UnaryOperator<String> environment, String osName, String javaUserHome, String otherwise) {
        List<String> candidates = new ArrayList<>();
        candidates.add(environment.apply("HOME"));
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            candidates.add(environment.apply("USERPROFILE"));
            String drive = environment.apply("HOMEDRIVE");
            String path = environment.apply("HOMEPATH");
            candidates.add(drive == null || path == null ? null : drive + path);
        }
        candidates.add(javaUserHome);
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                try {
                    Path home = Path.of(candidate);
                    if (home.isAbsolute()) {
                        return home;
                    }
                } catch (InvalidPathException e) {
                    // Not a path here: try the next source.
                }
            }
        }
        String home = environment.apply("HOME");
        throw new UserFacingException("No home folder is known for this user ("
                + (home == null || home.isBlank() ? "HOME is not set" : "HOME is \"" + home + "\"")
                + (javaUserHome == null ? "" : " and Java reports \"" + javaUserHome + "\"")
                + "): set HOME to the user's home folder, an absolute path such as /home/admin" + otherwise + ".");
    }
}
