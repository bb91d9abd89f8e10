package com.workerrolewizard.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.workerrolewizard.core.export.Hcl.Block;
import com.workerrolewizard.core.export.Hcl.Body;
import com.workerrolewizard.core.export.Hcl.Obj;
import com.workerrolewizard.core.export.Hcl.Reference;
import com.workerrolewizard.core.export.Hcl.Text;
import com.workerrolewizard.core.plan.PermissionsMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terraform for many accounts, read back with {@link Hcl}: one provider alias per account that assumes the role in
 * that account, one call of the one-account module per account with that provider, and nothing else that differs
 * between accounts. Where terraform is installed (with the provider mirror of the image), it validates the two.
 */
class TerraformAccountsExportTest {
    private static final List<String> ACCOUNTS = List.of("222222222222", "333333333333", "444444444444");

    @TempDir
    Path temp;

    static ExportSubject subject() {
        return ExportCases.newRole(PermissionsMode.INLINE);
    }

    static String render(Rollout rollout) {
        return ExportCases.exports().renderTerraformAccounts(subject(), rollout, "./worker-role");
    }

    static Rollout rollout(Optional<String> externalId) {
        return new Rollout(ACCOUNTS, List.of(), false, "eu-central-1", "OrganizationAccountAccessRole", externalId);
    }

    static String text(Hcl.Value value) {
        assertThat(value).isInstanceOf(Text.class);
        return Hcl.evaluate(((Text) value).template(), java.util.Map.of());
    }

    @Test
    void everyAccountHasAProviderAliasThatAssumesTheRoleInIt() {
        Body body = Hcl.parse(render(rollout(Optional.empty())));
        List<Block> providers = body.blocks("provider");
        assertThat(providers).hasSize(ACCOUNTS.size());
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            Block provider = providers.get(i);
            assertThat(provider.labels()).containsExactly("aws");
            assertThat(text(provider.body().attribute("alias"))).isEqualTo("account_" + ACCOUNTS.get(i));
            assertThat(provider.body().attribute("region")).isEqualTo(new Reference("var.region"));
            Body assume = provider.body().blocks("assume_role").get(0).body();
            assertThat(text(assume.attribute("role_arn")))
                    .isEqualTo("arn:aws:iam::" + ACCOUNTS.get(i) + ":role/OrganizationAccountAccessRole");
            assertThat(text(assume.attribute("session_name"))).isEqualTo("worker-role-wizard-rollout");
            assertThat(assume.attributes()).doesNotContainKey("external_id");
        }
        assertThat(text(body.block("variable", "region").body().attribute("default")))
                .isEqualTo("eu-central-1");
    }

    @Test
    void everyAccountCallsTheModuleWithItsOwnProvider() {
        Body body = Hcl.parse(render(rollout(Optional.empty())));
        List<Block> modules = body.blocks("module");
        assertThat(modules).hasSize(ACCOUNTS.size());
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            Block module = body.block("module", "worker_role_" + ACCOUNTS.get(i));
            assertThat(text(module.body().attribute("source"))).isEqualTo("./worker-role");
            Obj providers = (Obj) module.body().attribute("providers");
            assertThat(providers.entries()).containsOnlyKeys("aws");
            assertThat(providers.entries().get("aws")).isEqualTo(new Reference("aws.account_" + ACCOUNTS.get(i)));
            assertThat(module.body().attribute("appliance_arn")).isEqualTo(new Reference("var.appliance_arn"));
            assertThat(module.body().attribute("role_name")).isEqualTo(new Reference("var.role_name"));
        }
        assertThat(text(body.block("variable", "appliance_arn").body().attribute("default")))
                .isEqualTo(ExportCases.APPLIANCE);
        assertThat(((Obj) body.block("output", "role_arns").body().attribute("value")).entries())
                .hasSize(ACCOUNTS.size());
        // The role's resources are the module's alone: the root configuration holds none.
        assertThat(body.blocks("resource")).isEmpty();
    }

    @Test
    void anExternalIdGoesIntoEveryAssumeRole() {
        Body body = Hcl.parse(render(rollout(Optional.of("veeam-\"x\"-${id}"))));
        for (Block provider : body.blocks("provider")) {
            Body assume = provider.body().blocks("assume_role").get(0).body();
            assertThat(text(assume.attribute("external_id"))).isEqualTo("veeam-\"x\"-${id}");
        }
    }

    @Test
    void itSaysWhyThereIsNoForEachAndThatOpenTofuHasOne() {
        String text = render(rollout(Optional.empty()));
        assertThat(text)
                .contains("Terraform has no for_each on provider blocks")
                .contains("OpenTofu 1.9");
    }

    @Test
    void terraformValidatesTheRootAndTheModuleWhereItIsInstalled() throws Exception {
        assumeTrue(
                CloudFormationExportTest.onPath("terraform"),
                "SKIPPED: terraform is not installed, so the multi-account configuration is not validated");
        assumeTrue(
                Files.isDirectory(Path.of("/opt/tf-plugins")),
                "SKIPPED: no AWS provider mirror at /opt/tf-plugins, so terraform init cannot run offline");
        Files.createDirectories(temp.resolve("worker-role"));
        Files.writeString(temp.resolve("main.tf"), render(rollout(Optional.of("ext"))));
        Files.writeString(temp.resolve("worker-role/main.tf"), ExportCases.render(subject(), ExportFormat.TERRAFORM));
        Path config = temp.resolve("terraform.rc");
        Files.writeString(
                config,
                "provider_installation {\n  filesystem_mirror {\n    path    = \"/opt/tf-plugins\"\n"
                        + "    include = [\"registry.terraform.io/*/*\"]\n  }\n  direct {\n"
                        + "    exclude = [\"registry.terraform.io/*/*\"]\n  }\n}\n");
        assertThat(terraform(config, "init", "-backend=false", "-input=false", "-no-color"))
                .contains("initialized");
        assertThat(terraform(config, "validate", "-no-color")).contains("The configuration is valid");
        assertThat(terraform(config, "fmt", "-check", "-recursive", "-no-color"))
                .isEmpty();
    }

    private String terraform(Path config, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("terraform"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true);
        builder.environment().put("TF_CLI_CONFIG_FILE", config.toString());
        builder.environment().put("TF_IN_AUTOMATION", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as("terraform %s: %s", List.of(arguments), out)
                .isZero();
        return out;
    }
}
