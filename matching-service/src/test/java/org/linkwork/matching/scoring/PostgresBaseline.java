package org.linkwork.matching.scoring;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.linkwork.events.DirectoryServiceChanged;

/**
 * The benchmarks' floor: the same candidates, hard constraints, score and order as {@link MatchScorer},
 * done by PostgreSQL over the same activities, with a GiST index on the venues' positions
 * (earthdistance/cube from postgresql-contrib) and a GIN index on the need codes. It ranks only: no
 * reasons, no near-misses. Distances for the score use the same haversine as the scorer (earthdistance's
 * own sphere is 0.1% larger), so both rankings can be compared one for one.
 */
public final class PostgresBaseline implements AutoCloseable {

    private final Connection connection;
    private final MatchWeights weights;
    private final MatchRules rules;
    private final PreparedStatement query;

    public PostgresBaseline(String jdbcUrl, String user, String password, MatchWeights weights, MatchRules rules) throws SQLException {
        this.connection = DriverManager.getConnection(jdbcUrl, user, password);
        this.weights = weights;
        this.rules = rules;
        this.query = connection.prepareStatement(SQL.formatted(weight(weights.needs()), weight(weights.goals()),
                weight(weights.distance()), rules.remoteCloseness(), weight(weights.mode()), weight(weights.schedule()),
                weight(weights.interests()), weight(weights.setting()), weight(weights.language()), weight(weights.cost()),
                weight(weights.freshness())));
    }

    /** Creates the database if needed (server's {@code postgres} database reachable), with the two extensions. */
    public static void createDatabase(String serverUrl, String database, String user, String password) throws SQLException {
        try (Connection c = DriverManager.getConnection(serverUrl + "postgres", user, password); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("create database " + database);
                }
            }
        }
    }

    /** (Re)creates the baseline's tables and fills them with the activities. */
    public void load(List<Activity> activities) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("create extension if not exists cube");
            s.execute("create extension if not exists earthdistance");
            s.execute("drop table if exists bench_site");
            s.execute("drop table if exists bench_activity");
            s.execute("""
                    create table bench_activity (
                        id text primary key, active boolean not null, needs int[] not null, need_mask int not null,
                        interest_mask int not null, mode_mask int not null, feature_mask int not null, condition_mask int not null,
                        week_mask int not null, min_age int, max_age int, places int, free boolean, setting text,
                        languages text[] not null, assured date, in_person_only boolean not null)""");
            s.execute("create table bench_site (activity_id text not null, latitude float8 not null, longitude float8 not null)");
        }
        connection.setAutoCommit(false);
        try (PreparedStatement a = connection.prepareStatement(
                "insert into bench_activity values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement site = connection.prepareStatement("insert into bench_site values (?, ?, ?)")) {
            int n = 0;
            for (Activity x : activities) {
                a.setString(1, x.serviceId());
                a.setBoolean(2, x.active);
                List<Integer> needBits = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    if ((x.needMask & (1 << i)) != 0) {
                        needBits.add(i);
                    }
                }
                a.setArray(3, connection.createArrayOf("int4", needBits.toArray()));
                a.setInt(4, x.needMask);
                a.setInt(5, x.interestMask);
                a.setInt(6, x.modeMask);
                a.setInt(7, x.featureMask);
                a.setInt(8, x.conditionMask);
                a.setInt(9, x.weekMask);
                setInteger(a, 10, x.minimumAge());
                setInteger(a, 11, x.maximumAge());
                setInteger(a, 12, x.placesAvailable());
                if (x.free() == null) {
                    a.setNull(13, Types.BOOLEAN);
                } else {
                    a.setBoolean(13, x.free());
                }
                a.setString(14, x.setting());
                a.setArray(15, connection.createArrayOf("text", x.languages().stream().map(PostgresBaseline::primary).toArray()));
                a.setDate(16, x.assuredDate() == null ? null : Date.valueOf(x.assuredDate()));
                a.setBoolean(17, x.inPersonOnly());
                a.addBatch();
                for (int i = 0; i < x.siteLatitudes.length; i++) {
                    site.setString(1, x.serviceId());
                    site.setDouble(2, Math.toDegrees(x.siteLatitudes[i]));
                    site.setDouble(3, Math.toDegrees(x.siteLongitudes[i]));
                    site.addBatch();
                }
                if (++n % 2000 == 0) {
                    a.executeBatch();
                    site.executeBatch();
                }
            }
            a.executeBatch();
            site.executeBatch();
        }
        connection.commit();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("create index bench_site_position on bench_site using gist (ll_to_earth(latitude, longitude))");
            s.execute("create index bench_site_activity on bench_site (activity_id)");
            s.execute("create index bench_activity_needs on bench_activity using gin (needs)");
            s.execute("analyze bench_activity");
            s.execute("analyze bench_site");
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** The top {@code limit} service ids for the person, as the scorer would rank them; the person's place must be known. */
    public List<String> rank(Person person, int limit, LocalDate today) throws SQLException {
        MatchScorer.Ranker r = new MatchScorer(weights, rules).ranker(person, limit, 0, today);
        double limitKm = person.maxTravelKm() != null ? person.maxTravelKm() : rules.defaultMaxTravelKm();
        List<Integer> needBits = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            if ((r.needs & (1 << i)) != 0) {
                needBits.add(i);
            }
        }
        Array needArray = connection.createArrayOf("int4", needBits.toArray());
        int i = 1;
        query.setDouble(i++, person.place().latitude());
        query.setDouble(i++, person.place().longitude());
        query.setInt(i++, r.needs);
        query.setInt(i++, Integer.bitCount(r.needs));
        query.setInt(i++, r.goals);
        query.setInt(i++, r.interests);
        query.setInt(i++, r.preferredModes);
        query.setInt(i++, r.usableModes);
        query.setInt(i++, r.week);
        query.setInt(i++, r.dayWeek);
        query.setInt(i++, r.requiredFeatures);
        query.setInt(i++, r.venueFeatures);
        query.setInt(i++, r.conditions);
        setInteger(query, i++, r.ageFrom);
        setInteger(query, i++, r.ageTo);
        query.setDouble(i++, limitKm);
        query.setString(i++, r.language);
        query.setString(i++, r.settingWanted);
        query.setBoolean(i++, person.costSensitive());
        query.setDate(i++, Date.valueOf(today.minusMonths(rules.staleAfterMonths())));
        query.setArray(i++, needArray);
        query.setDouble(i++, limitKm * MatchScorer.NEAR_MISS_REACH * 1000);
        query.setInt(i, limit);
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private String weight(double w) {
        return String.format(Locale.ROOT, "%.6f", w / weights.total());
    }

    private static void setInteger(PreparedStatement s, int index, Integer value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.INTEGER);
        } else {
            s.setInt(index, value);
        }
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    private static final String SQL = """
            with p as (
                select ?::float8 as lat, ?::float8 as lon, ?::int as needs, ?::int as need_count, ?::int as goals, ?::int as interests,
                       ?::int as preferred, ?::int as usable, ?::int as week, ?::int as day_week, ?::int as required, ?::int as venue,
                       ?::int as conditions, ?::int as age_from, ?::int as age_to, ?::float8 as limit_km, ?::text as lang,
                       ?::text as setting, ?::boolean as cost_sensitive, ?::date as stale_before, ?::int[] as need_codes,
                       ?::float8 as search_m),
            candidates as (
                select a.* from bench_activity a, p where a.active and a.needs && p.need_codes and not a.in_person_only
                union
                select a.* from bench_site s join bench_activity a on a.id = s.activity_id, p
                where earth_box(ll_to_earth(p.lat, p.lon), p.search_m) @> ll_to_earth(s.latitude, s.longitude)
                  and a.in_person_only and a.active and a.needs && p.need_codes),
            measured as (
                select c.*, a.usable_here, (a.usable_here & 6) <> 0 as from_home, (c.mode_mask = 0 or (a.usable_here & 1) <> 0) as at_venue,
                       (select round((2 * 6371.0088 * asin(least(1, sqrt(
                                power(sin(radians(s.latitude - p.lat) / 2), 2)
                                + cos(radians(p.lat)) * cos(radians(s.latitude)) * power(sin(radians(s.longitude - p.lon) / 2), 2)))))::numeric, 1)
                        from bench_site s where s.activity_id = c.id order by 1 limit 1) as km
                from candidates c, p, lateral (select c.mode_mask & p.usable as usable_here) a),
            scored as (
                select m.id, m.km,
                    (p.age_from is not null and ((m.min_age is not null and p.age_to < m.min_age) or (m.max_age is not null and p.age_from > m.max_age)))
                    or (m.places is not null and m.places <= 0)
                    or (m.mode_mask <> 0 and m.usable_here = 0)
                    or ((p.required & ~m.feature_mask & ~p.venue) <> 0 or ((p.required & ~m.feature_mask & p.venue) <> 0 and not m.from_home))
                    or (m.condition_mask <> 0 and (m.condition_mask & p.conditions) = 0)
                    or (m.usable_here = 1 and m.km is not null and m.km > p.limit_km) as excluded,
                    round((
                        %s * bit_count((m.need_mask & p.needs)::bit(32))::float8 / p.need_count
                      + %s * case when p.goals = 0 then 1 else bit_count((m.need_mask & p.goals)::bit(32))::float8 / bit_count(p.goals::bit(32)) end
                      + %s * greatest(case when m.at_venue and m.km is not null then
                                          case when p.limit_km <= 0 then case when m.km <= 0 then 1 else 0 end
                                               else greatest(0, 1 - m.km / p.limit_km) end
                                      else 0 end,
                                      case when m.from_home then %s else 0 end)
                      + %s * case when p.preferred = 0 or (m.mode_mask & p.preferred) <> 0 then 1 else 0 end
                      + %s * case when p.week = 0 then 1 when m.week_mask = 0 then 0.5 when (m.week_mask & p.week) <> 0 then 1
                                  when (m.week_mask & p.day_week) <> 0 then 0.5 else 0 end
                      + %s * case when p.interests = 0 or (m.interest_mask & p.interests) <> 0 then 1 else 0 end
                      + %s * case when p.setting is null then 1 when m.setting is null then 0.5
                                  when m.setting = p.setting or m.setting = 'either' then 1 else 0 end
                      + %s * case when p.lang is null then 1 when cardinality(m.languages) = 0 then case when p.lang = 'en' then 1 else 0.5 end
                                  when p.lang = any(m.languages) then 1 else 0 end
                      + %s * case when not p.cost_sensitive or m.free then 1 when m.free is null then 0.5 else 0 end
                      + %s * case when m.assured is null then 0.5 when m.assured < p.stale_before then 0 else 1 end
                    )::numeric, 3) as score
                from measured m, p
                where not coalesce(m.in_person_only and m.km > p.limit_km * 1.5, false))
            select id from scored where not excluded order by score desc, km asc nulls last, id limit ?""";
}
