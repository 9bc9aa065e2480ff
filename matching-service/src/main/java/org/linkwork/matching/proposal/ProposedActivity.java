package org.linkwork.matching.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One ranked activity of a proposal, with what speaks for and against it. */
@Embeddable
public class ProposedActivity {

    public int rank;

    @Column(name = "service_id")
    public String serviceId;

    @Column(name = "service_name")
    public String serviceName;

    @Column(name = "organization_id")
    public String organizationId;

    public double score;

    @Column(name = "distance_km")
    public Double distanceKm;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> reasons;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "reasons_against")
    public List<String> reasonsAgainst;
}
