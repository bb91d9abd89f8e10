package com.workerrolewizard.cli;

import com.workerrolewizard.core.requirement.RoleReport;
import com.workerrolewizard.core.requirement.Status;
import java.util.List;

/** The exit codes of the outside contract. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILING = 1;
    public static final int BAD_INPUT = 2;
    public static final int UNDECIDED = 3;
    /** Not in the contract's table: the program itself went wrong. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCode() {}

    /** 0 when everything holds, 1 on any FAIL, else 3 on any UNKNOWN. */
    public static int of(List<RoleReport> reports) {
        if (reports.stream().anyMatch(r -> r.any(Status.FAIL))) {
            return FAILING;
        }
        return reports.stream().anyMatch(r -> r.any(Status.UNKNOWN)) ? UNDECIDED : OK;
    }
}
