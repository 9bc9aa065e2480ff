package org.linkwork.directory.hsds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.linkwork.events.Postcodes;

/**
 * An HSDS 3.0 service with everything the directory keeps about it, nested as the ORUK
 * {@code /services/{id}} response nests it. The same shape is read on PUT and import and written on
 * GET and export, so a client can read a service, change it and put it back. Empty optional fields
 * are left out. Ids of nested objects may be left out on input; the directory then gives them stable
 * ids derived from the service id.
 *
 * <p>{@code places_available} and {@code maximum_places} are the Linkwork extension for HSDS 3.1's
 * service_capacity (available / maximum places).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HsdsService(
        @Size(max = 100) @Pattern(regexp = Hsds.ID, message = Hsds.ID_MESSAGE) String id,
        @Size(max = 100) String organizationId,
        @NotBlank @Size(max = 255) String name,
        @Size(max = 255) String alternateName,
        @Size(max = 4000) String description,
        @Size(max = 500) @Pattern(regexp = Hsds.URL, message = Hsds.URL_MESSAGE) String url,
        @Size(max = 254) @Email String email,
        @NotNull Status status,
        @Size(max = 4000) String interpretationServices,
        @Size(max = 4000) String applicationProcess,
        @Size(max = 4000) String feesDescription,
        @Size(max = 255) String waitTime,
        @Size(max = 4000) String accreditations,
        @Size(max = 4000) String eligibilityDescription,
        @Min(0) @Max(120) Integer minimumAge,
        @Min(0) @Max(120) Integer maximumAge,
        LocalDate assuredDate,
        @Size(max = 254) @Email String assurerEmail,
        @Size(max = 4000) String alert,
        Instant lastModified,
        @Min(0) @Max(100000) Integer placesAvailable,
        @Min(0) @Max(100000) Integer maximumPlaces,
        @NotNull @Valid Organization organization,
        @Size(max = 50) List<@NotNull @Valid ServiceAtLocation> serviceAtLocations,
        @Size(max = 50) List<@NotNull @Valid Schedule> schedules,
        @Size(max = 20) List<@NotNull @Valid CostOption> costOptions,
        @Size(max = 30) List<@NotNull @Valid Language> languages,
        @Size(max = 20) List<@NotNull @Valid ServiceArea> serviceAreas,
        @Size(max = 20) List<@NotNull @Valid Contact> contacts,
        @Size(max = 20) List<@NotNull @Valid Phone> phones,
        @Size(max = 60) List<@NotNull @Valid Attribute> attributes) {

    /** The same service, confirmed correct on a day by its provider. */
    public HsdsService withAssuredDate(LocalDate date) {
        return new HsdsService(id, organizationId, name, alternateName, description, url, email, status, interpretationServices,
                applicationProcess, feesDescription, waitTime, accreditations, eligibilityDescription, minimumAge, maximumAge, date,
                assurerEmail, alert, lastModified, placesAvailable, maximumPlaces, organization, serviceAtLocations, schedules,
                costOptions, languages, serviceAreas, contacts, phones, attributes);
    }

    /** The same service with another number of places available. */
    public HsdsService withPlacesAvailable(Integer places) {
        return new HsdsService(id, organizationId, name, alternateName, description, url, email, status, interpretationServices,
                applicationProcess, feesDescription, waitTime, accreditations, eligibilityDescription, minimumAge, maximumAge,
                assuredDate, assurerEmail, alert, lastModified, places, maximumPlaces, organization, serviceAtLocations, schedules,
                costOptions, languages, serviceAreas, contacts, phones, attributes);
    }

    /** HSDS service status values. */
    public enum Status {
        @JsonProperty("active") ACTIVE,
        @JsonProperty("inactive") INACTIVE,
        @JsonProperty("defunct") DEFUNCT,
        @JsonProperty("temporarily closed") TEMPORARILY_CLOSED;

        public String code() {
            return name().toLowerCase().replace('_', ' ');
        }

        public static Status of(String code) {
            return valueOf(code.strip().toUpperCase().replace(' ', '_'));
        }
    }

    public enum LocationType {
        physical, postal, virtual
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Organization(
            @NotBlank @Size(max = 100) @Pattern(regexp = Hsds.ID, message = Hsds.ID_MESSAGE) String id,
            @NotBlank @Size(max = 255) String name,
            @NotNull @Size(max = 4000) String description,
            @Size(max = 254) @Email String email,
            @Size(max = 500) @Pattern(regexp = Hsds.URL, message = Hsds.URL_MESSAGE) String website,
            @Size(max = 500) @Pattern(regexp = Hsds.URL, message = Hsds.URL_MESSAGE) String uri,
            @Size(max = 500) String logo) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ServiceAtLocation(
            @Size(max = 100) @Pattern(regexp = Hsds.ID, message = Hsds.ID_MESSAGE) String id,
            @Size(max = 100) String serviceId,
            @Size(max = 100) String locationId,
            @Size(max = 4000) String description,
            @NotNull @Valid Location location) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Location(
            @NotBlank @Size(max = 100) @Pattern(regexp = Hsds.ID, message = Hsds.ID_MESSAGE) String id,
            @NotNull LocationType locationType,
            @Size(max = 100) String organizationId,
            @Size(max = 255) String name,
            @Size(max = 255) String alternateName,
            @Size(max = 4000) String description,
            @Size(max = 500) @Pattern(regexp = Hsds.URL, message = Hsds.URL_MESSAGE) String url,
            @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @DecimalMin("-180") @DecimalMax("180") Double longitude,
            @Size(max = 100) String externalIdentifier,
            @Size(max = 100) String externalIdentifierType,
            @Size(max = 1) List<@NotNull @Valid Address> addresses,
            @Size(max = 20) List<@NotNull @Valid Accessibility> accessibility) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Address(
            @Size(max = 100) @Pattern(regexp = Hsds.ID, message = Hsds.ID_MESSAGE) String id,
            @Size(max = 100) String locationId,
            @Size(max = 255) String attention,
            @JsonProperty("address_1") @NotBlank @Size(max = 255) String address1,
            @JsonProperty("address_2") @Size(max = 255) String address2,
            @NotBlank @Size(max = 100) String city,
            @Size(max = 100) String region,
            @NotNull @Size(max = 100) String stateProvince,
            @NotBlank @Pattern(regexp = Postcodes.PATTERN, message = "not a UK postcode") String postalCode,
            @NotBlank @Pattern(regexp = "^[A-Z]{2}$", message = "an ISO 3166-1 alpha-2 country code") String country,
            @NotBlank @Pattern(regexp = "^physical$", message = "only physical addresses are kept") String addressType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Accessibility(
            @Size(max = 100) @Pattern(regexp = Hsds.ID, message = Hsds.ID_MESSAGE) String id,
            @Size(max = 100) String locationId,
            @Size(max = 4000) String description,
            @Size(max = 4000) String details,
            @Size(max = 500) @Pattern(regexp = Hsds.URL, message = Hsds.URL_MESSAGE) String url) {
    }

    /** A regular time the service runs, in iCalendar RRULE parts (HSDS schedule). Times are UK local. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Schedule(
            @Size(max = 100) @Pattern(regexp = Hsds.ID, message = Hsds.ID_MESSAGE) String id,
            @Size(max = 100) String serviceId,
            @Size(max = 100) String serviceAtLocationId,
            LocalDate validFrom,
            LocalDate validTo,
            LocalDate dtstart,
            LocalDate until,
            @Min(1) @Max(1000) Integer count,
            @Pattern(regexp = "(?i)^(MO|TU|WE|TH|FR|SA|SU)$", message = "a day: MO, TU, WE, TH, FR, SA or SU") String wkst,
            @Pattern(regexp = "(?i)^(WEEKLY|MONTHLY)$", message = "WEEKLY or MONTHLY") String freq,
            @Min(1) @Max(52) Integer interval,
            @Size(max = 100) @Pattern(regexp = Hsds.BYDAY, message = "comma-separated days such as TU,TH (MONTHLY may prefix an occurrence: 2MO, -1FR)") String byday,
            @Size(max = 100) @Pattern(regexp = "^-?[0-9]{1,2}(,-?[0-9]{1,2})*$", message = "comma-separated days of the month") String bymonthday,
            @Size(max = 4000) String description,
            @Pattern(regexp = Hsds.TIME, message = "a time HH:MM") String opensAt,
            @Pattern(regexp = Hsds.TIME, message = "a time HH:MM") String closesAt,
            @Size(max = 500) @Pattern(regexp = Hsds.URL, message = Hsds.URL_MESSAGE) String scheduleLink,
            @Size(max = 255) String attendingType,
            @Size(max = 4000) String notes) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record CostOption(
            @Size(max = 100) @Pattern(regexp = Hsds.ID, message = Hsds.ID_MESSAGE) String id,
            @Size(max = 100) String serviceId,
            LocalDate validFrom,
            LocalDate validTo,
            @Size(max = 255) String option,
            @Pattern(regexp = "^[A-Z]{3}$", message = "an ISO 4217 currency code such as GBP") String currency,
            @DecimalMin("0") @DecimalMax("100000") BigDecimal amount,
            @Size(max = 1000) String amountDescription) {
    }

    /** A language the service is delivered in; {@code code} is a BCP 47 tag such as {@code en} or {@code pa}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Language(
            @Size(max = 100) @Pattern(regexp = Hsds.ID, message = Hsds.ID_MESSAGE) String id,
            @Size(max = 100) String serviceId,
            @Size(max = 100) String name,
            @Size(max = 35) @Pattern(regexp = "^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$", message = "a BCP 47 language tag such as en or pa") String code,
            @Size(max = 1000) String note) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ServiceArea(
            @Size(max = 100) @Pattern(regexp = Hsds.ID, message = Hsds.ID_MESSAGE) String id,
            @Size(max = 100) String serviceId,
            @Size(max = 255) String name,
            @Size(max = 4000) String description,
            @Size(max = 100000) String extent,
            @Pattern(regexp = "^(geojson|topojson|kml|text)$", message = "geojson, topojson, kml or text") String extentType,
            @Size(max = 500) String uri) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Contact(
            @Size(max = 100) @Pattern(regexp = Hsds.ID, message = Hsds.ID_MESSAGE) String id,
            @Size(max = 100) String serviceId,
            @Size(max = 255) String name,
            @Size(max = 255) String title,
            @Size(max = 255) String department,
            @Size(max = 254) @Email String email,
            @Size(max = 10) List<@NotNull @Valid Phone> phones) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Phone(
            @Size(max = 100) @Pattern(regexp = Hsds.ID, message = Hsds.ID_MESSAGE) String id,
            @Size(max = 100) String serviceId,
            @Size(max = 100) String contactId,
            @NotBlank @Size(max = 50) @Pattern(regexp = "^[0-9+() -]{3,50}$", message = "digits, spaces, brackets and +") String number,
            @Size(max = 20) String extension,
            @Pattern(regexp = "^(text|voice|fax|cell|video|pager|textphone)$", message = "text, voice, fax, cell, video, pager or textphone") String type,
            @Size(max = 1000) String description) {
    }

    /** Tags the service with a taxonomy term, given by {@code taxonomy_term_id} or a nested term (its id or code). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Attribute(
            @Size(max = 100) String id,
            @Size(max = 100) String linkId,
            @Size(max = 50) String linkType,
            @Size(max = 50) String linkEntity,
            @Size(max = 100) String taxonomyTermId,
            @Size(max = 1000) String value,
            @Valid TaxonomyTerm taxonomyTerm) {
    }

    /**
     * An HSDS taxonomy term. {@code needs} is the Linkwork extension on activity types: the needs of
     * the shared vocabulary the activity usually meets. It is read-only.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record TaxonomyTerm(
            @Size(max = 100) String id,
            @Size(max = 100) String code,
            @Size(max = 255) String name,
            @Size(max = 1000) String description,
            @Size(max = 100) String parentId,
            @Size(max = 100) String taxonomy,
            @Size(max = 100) String taxonomyId,
            @Size(max = 500) String termUri,
            @Size(max = 35) String language,
            List<String> needs) {
    }
}
