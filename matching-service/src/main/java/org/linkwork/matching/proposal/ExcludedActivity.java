package org.linkwork.matching.proposal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A near-miss of a proposal: an activity a hard constraint ruled out, with why. */
@Embeddable
public class ExcludedActivity {

    public int position;

    @Column(name = "service_id")
    public String serviceId;

    @Column(name = "service_name")
    public String serviceName;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> reasons;
}
