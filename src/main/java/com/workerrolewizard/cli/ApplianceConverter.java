package com.workerrolewizard.cli;

import com.workerrolewizard.core.arn.AppliancePrincipal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --appliance}: the Impersonation role ARN, the account root ARN, or a 12-digit account ID. */
final class ApplianceConverter implements ITypeConverter<AppliancePrincipal> {
    @Override
    public AppliancePrincipal convert(String value) {
        try {
            return AppliancePrincipal.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
