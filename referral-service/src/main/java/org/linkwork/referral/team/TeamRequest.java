package org.linkwork.referral.team;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.linkwork.events.Postcodes;

/** A team as an admin describes it: the whole team, replaced on each PUT. */
public record TeamRequest(
        @NotBlank @Size(max = 200) String name,
        @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", message = "not an organisation id (an ODS code or a provider id)") String organisation,
        @NotNull @Size(max = 200) List<@NotBlank @Pattern(regexp = "^[A-Z0-9]{3,10}$", message = "not an ODS code") String> practices,
        @Size(max = 500) List<@NotBlank @Pattern(regexp = "^[A-Za-z]{1,2}[0-9][0-9A-Za-z]?$", message = "not a postcode district") String> areas,
        @NotNull @Size(max = 200) List<@NotNull @Valid Member> members) {

    public record Member(
            @NotBlank @Size(max = 100) String username,
            @NotBlank @Size(max = 200) String displayName,
            Boolean active) {

        public boolean activeOrDefault() {
            return active == null || active;
        }
    }

    public List<String> areasOrNone() {
        return areas == null ? List.of() : areas.stream().map(a -> Postcodes.normaliseDistrict(a).orElseThrow()).distinct().toList();
    }
}
