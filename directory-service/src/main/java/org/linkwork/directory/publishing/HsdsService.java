package org.linkwork.directory.publishing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.linkwork.events.Postcodes;

/**
 * An HSDS 3.0 service with the nested objects the directory keeps (organization, service at
 * locations with their location and address, attributes with their taxonomy term). The same shape
 * is read on PUT and written on GET; empty optional fields are left out.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HsdsService(
        @Size(max = 100) @Pattern(regexp = HsdsService.ID, message = "letters, digits, '-', '_', '.' and ':' only") String id,
        @NotBlank @Size(max = 255) String name,
        @Size(max = 4000) String description,
        @Size(max = 500) String url,
        @Size(max = 254) @Email String email,
        @NotNull Status status,
        @Min(0) @Max(120) Integer minimumAge,
        @Min(0) @Max(120) Integer maximumAge,
        @Min(0) @Max(100000) Integer placesAvailable,
        Instant lastModified,
        @NotNull @Valid Organization organization,
        @Size(max = 50) List<@NotNull @Valid ServiceAtLocation> serviceAtLocations,
        @Size(max = 30) List<@NotNull @Valid Attribute> attributes) {

    public static final String ID = "^[A-Za-z0-9._:-]+$";

    /** HSDS service status values. */
    public enum Status {
        @com.fasterxml.jackson.annotation.JsonProperty("active") ACTIVE,
        @com.fasterxml.jackson.annotation.JsonProperty("inactive") INACTIVE,
        @com.fasterxml.jackson.annotation.JsonProperty("defunct") DEFUNCT,
        @com.fasterxml.jackson.annotation.JsonProperty("temporarily closed") TEMPORARILY_CLOSED;

        public String code() {
            return name().toLowerCase().replace('_', ' ');
        }

        public static Status of(String code) {
            return valueOf(code.toUpperCase().replace(' ', '_'));
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Organization(
            @NotBlank @Size(max = 100) @Pattern(regexp = ID, message = "letters, digits, '-', '_', '.' and ':' only") String id,
            @NotBlank @Size(max = 255) String name,
            @NotNull @Size(max = 4000) String description,
            @Size(max = 254) @Email String email,
            @Size(max = 500) String website) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ServiceAtLocation(
            @NotBlank @Size(max = 100) @Pattern(regexp = ID, message = "letters, digits, '-', '_', '.' and ':' only") String id,
            @NotNull @Valid Location location) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Location(
            @NotBlank @Size(max = 100) @Pattern(regexp = ID, message = "letters, digits, '-', '_', '.' and ':' only") String id,
            @NotNull LocationType locationType,
            @Size(max = 255) String name,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Size(max = 1) List<@NotNull @Valid Address> addresses) {
    }

    public enum LocationType {
        physical, postal, virtual
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Address(
            @NotBlank @Size(max = 100) String id,
            @com.fasterxml.jackson.annotation.JsonProperty("address_1") @NotBlank @Size(max = 255) String address1,
            @NotBlank @Size(max = 100) String city,
            @NotNull @Size(max = 100) String stateProvince,
            @NotBlank @Pattern(regexp = Postcodes.PATTERN, message = "not a UK postcode") String postalCode,
            @NotBlank @Pattern(regexp = "^[A-Z]{2}$", message = "an ISO 3166-1 alpha-2 country code") String country,
            @NotBlank @Pattern(regexp = "^physical$", message = "only physical addresses are kept") String addressType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Attribute(
            @Size(max = 100) String id,
            @NotNull @Valid TaxonomyTermRef taxonomyTerm) {
    }

    /** On PUT only the code counts (a term of linkwork-needs); GET returns the whole term. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TaxonomyTermRef(
            @Size(max = 100) String id,
            @NotBlank @Size(max = 100) String code,
            @Size(max = 255) String name,
            @Size(max = 1000) String description,
            @Size(max = 100) String taxonomy) {
    }
}
