package com.workerrolewizard.core.reference;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.workerrolewizard.core.arn.AppliancePrincipal;
import com.workerrolewizard.core.arn.Partition;

/**
 * The documents the product writes, made from the page's reference documents: key order, statement order
 * and action order are the page's, {@code <Role ARN>} becomes the appliance's ARN.
 */
public final class WorkerDocuments {
    private final ReferenceDocuments references;
    private final ActionCatalog catalog;

    public WorkerDocuments(ReferenceDocuments references, ActionCatalog catalog) {
        this.references = references;
        this.catalog = catalog;
    }

    public ActionCatalog catalog() {
        return catalog;
    }

    /** The page's appliance statement, naming this appliance. */
    public ObjectNode applianceStatement(AppliancePrincipal appliance, Partition partition) {
        ObjectNode statement = (ObjectNode)
                references.applianceTrustPolicy().withArray("Statement").get(0);
        ObjectNode principal = (ObjectNode) statement.get("Principal");
        principal.put("AWS", appliance.arn(partition));
        return statement;
    }

    public ObjectNode ec2Statement() {
        return (ObjectNode) references.ec2TrustPolicy().withArray("Statement").get(0);
    }

    /** One trust policy holding both of the page's statements: appliance first, then EC2, as on the page. */
    public ObjectNode trustPolicy(AppliancePrincipal appliance, Partition partition) {
        ObjectNode document = references.applianceTrustPolicy();
        ArrayNode statements = document.withArray("Statement");
        statements.removeAll();
        statements.add(applianceStatement(appliance, partition));
        statements.add(ec2Statement());
        return document;
    }

    /** The page's permissions policy; with a custom catalog, its actions in its order. */
    public ObjectNode permissionsPolicy() {
        ObjectNode document = references.permissionsPolicy();
        ObjectNode statement = (ObjectNode) document.withArray("Statement").get(0);
        ArrayNode actions = statement.putArray("Action");
        catalog.actions().forEach(actions::add);
        return document;
    }
}
