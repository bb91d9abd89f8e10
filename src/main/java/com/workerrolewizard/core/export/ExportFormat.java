package com.workerrolewizard.core.export;

/** The ways to hand the documents over, with the file name an admin would give each. */
public enum ExportFormat {
    JSON("json", "worker-role.json"),
    CLI("cli", "worker-role.sh"),
    POWERSHELL("powershell", "worker-role.ps1"),
    CLOUDFORMATION("cloudformation", "worker-role.yaml"),
    TERRAFORM("terraform", "worker-role.tf"),
    STACKSET("stackset", "worker-role-stackset.sh");

    private final String id;
    private final String fileName;

    ExportFormat(String id, String fileName) {
        this.id = id;
        this.fileName = fileName;
    }

    public String id() {
        return id;
    }

    public String fileName() {
        return fileName;
    }
}
