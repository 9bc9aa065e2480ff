package org.linkwork.referral.intake;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A ten-digit NHS number whose last digit is its Modulus 11 check digit (spaces allowed: "943 476 5919"). */
@Documented
@Constraint(validatedBy = NhsNumber.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface NhsNumber {

    String message() default "not a valid NHS number (10 digits with a Modulus 11 check digit)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<NhsNumber, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isValidNhsNumber(value);
        }

        /** Weights 10 down to 2 over the first nine digits; 11 minus the sum mod 11 is the check digit (11 → 0, 10 → invalid). */
        public static boolean isValidNhsNumber(String value) {
            String digits = value.replace(" ", "");
            if (!digits.matches("[0-9]{10}")) {
                return false;
            }
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - (sum % 11);
            if (check == 11) {
                check = 0;
            }
            return check != 10 && check == digits.charAt(9) - '0';
        }
    }
}
