package org.linkwork.referral.assessment;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Collection;
import java.util.TreeSet;
import org.linkwork.events.Vocabulary;

/** A code from one of the shared vocabularies; the error lists the codes that would do. */
@Documented
@Constraint(validatedBy = Coded.Check.class)
@Target({ElementType.TYPE_USE, ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Coded {

    Vocab value();

    String message() default "not a known code";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    enum Vocab {
        DELIVERY_MODES(Vocabulary.DELIVERY_MODES),
        DAYS(Vocabulary.DAYS),
        TIMES_OF_DAY(Vocabulary.TIMES_OF_DAY),
        INTERESTS(Vocabulary.INTERESTS),
        HEALTH_CONDITIONS(Vocabulary.HEALTH_CONDITIONS),
        ACCESSIBILITY_REQUIREMENTS(Vocabulary.ACCESSIBILITY_REQUIREMENTS);

        final Collection<String> codes;

        Vocab(Collection<String> codes) {
            this.codes = codes;
        }
    }

    final class Check implements ConstraintValidator<Coded, String> {

        private Collection<String> codes;

        @Override
        public void initialize(Coded annotation) {
            codes = annotation.value().codes;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || codes.contains(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate("not a known code; one of " + String.join(", ", new TreeSet<>(codes)))
                    .addConstraintViolation();
            return false;
        }
    }
}
