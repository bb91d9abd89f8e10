package com.workerrolewizard.cli;

import com.workerrolewizard.core.arn.AppliancePrincipal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --appliance}: the Impersonation role ARN, the account root ARN, or a 12-digit account ID (every command). */
final class ApplianceOption {
    @Option(
            names = "--appliance",
            required = true,
            paramLabel = "ARN",
            converter = Converter.class,
            description = "The appliance's Impersonation role ARN, or its account (ARN or 12-digit ID).")
    AppliancePrincipal appliance;

    static final class Converter implements ITypeConverter<AppliancePrincipal> {
        @Override
        public AppliancePrincipal convert(String value) {
            try {
                return AppliancePrincipal.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
