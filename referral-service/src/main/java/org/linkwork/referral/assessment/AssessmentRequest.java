package org.linkwork.referral.assessment;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.linkwork.events.Need;
import org.linkwork.events.Postcodes;

/**
 * What a link worker learned in the "what matters to you" conversation. Goals are kept in the
 * person's own words here; only their need areas and the coded answers travel in events.
 */
public record AssessmentRequest(
        @NotEmpty @Size(max = 10) List<@NotNull Need> needs,
        @Size(max = 10) List<@NotNull @Valid Goal> goals,
        @Size(max = 16) List<@NotNull @Coded(Coded.Vocab.INTERESTS) String> interests,
        @Valid Preferences preferences,
        @Size(max = 11) List<@NotNull @Coded(Coded.Vocab.HEALTH_CONDITIONS) String> healthConditions,
        @Size(max = 6) List<@NotNull @Coded(Coded.Vocab.ACCESSIBILITY_REQUIREMENTS) String> accessibilityRequirements,
        @Pattern(regexp = "^(none|limited|full)$", message = "one of none, limited, full") String digitalAccess,
        @NotNull @Valid Travel travel,
        Boolean costSensitive) {

    /** A goal as the person put it, and the need it serves. */
    public record Goal(@NotBlank @Size(max = 500) String text, @NotNull Need needArea) {
    }

    public record Preferences(
            @Size(max = 3) List<@NotNull @Coded(Coded.Vocab.DELIVERY_MODES) String> deliveryModes,
            @Size(max = 7) List<@NotNull @Coded(Coded.Vocab.DAYS) String> days,
            @Size(max = 3) List<@NotNull @Coded(Coded.Vocab.TIMES_OF_DAY) String> timesOfDay,
            @Pattern(regexp = "^(group|one-to-one|either)$", message = "one of group, one-to-one, either") String setting,
            @Pattern(regexp = "^[a-z]{2,3}$", message = "a language tag such as en or cy") String language) {



    }

    /**
     * @param postcode the person's postcode; only its district leaves this service
     * @param maxTravelKm how far the person can get to, if they said
     */
    public record Travel(
            @NotBlank @Pattern(regexp = Postcodes.PATTERN, message = "not a UK postcode") String postcode,
            @DecimalMin("0.0") @DecimalMax("200.0") Double maxTravelKm,
            Boolean publicTransportOnly) {
    }




    List<Goal> goalsOrNone() {
        return goals == null ? List.of() : goals;
    }

    Preferences preferencesOrAny() {
        return preferences == null ? new Preferences(List.of(), List.of(), List.of(), null, null) : preferences;
    }

    static List<String> orNone(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }
}
