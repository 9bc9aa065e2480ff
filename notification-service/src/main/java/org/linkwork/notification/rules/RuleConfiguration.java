package org.linkwork.notification.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the rules' configuration once, at start-up, and refuses a channel a rule's audience cannot
 * be reached on (a link worker has no webhook, a person no inbox), so a typo fails the start rather
 * than silently sending nothing.
 */
@ApplicationScoped
public class RuleConfiguration {

    static final String CHANNELS = "linkwork.notification.rules.%s.channels";

    private final RuleSettings settings;
    private final Map<Rule, Set<Channel>> channels = new EnumMap<>(Rule.class);

    RuleConfiguration(Config config,
            @ConfigProperty(name = "linkwork.notification.referrer-statuses") List<String> referrerStatuses,
            @ConfigProperty(name = "linkwork.notification.reminder-before") Duration reminderBefore,
            @ConfigProperty(name = "linkwork.notification.follow-up-after") Duration followUpAfter) {
        this.settings = new RuleSettings(Set.copyOf(referrerStatuses), reminderBefore, followUpAfter);
        for (Rule rule : Rule.values()) {
            channels.put(rule, channelsOf(rule, config.getOptionalValues(CHANNELS.formatted(rule.code()), String.class)
                    .orElse(rule.defaultChannels().stream().map(Channel::code).toList())));
        }
    }

    /** A rule's channels; {@code none} alone switches the rule off. */
    static Set<Channel> channelsOf(Rule rule, List<String> codes) {
        Set<Channel> chosen = new LinkedHashSet<>();
        for (String code : codes) {
            if (code.isBlank() || code.trim().equalsIgnoreCase("none")) {
                continue;
            }
            Channel channel = Channel.ofCode(code).filter(c -> rule.audience().possibleChannels().contains(c))
                    .orElseThrow(() -> new IllegalStateException(CHANNELS.formatted(rule.code()) + ": '" + code.trim()
                            + "' is not a channel for " + rule.audience().kind().code() + "s; use one of "
                            + rule.audience().possibleChannels().stream().map(Channel::code).sorted().toList() + " or none"));
            chosen.add(channel);
        }
        return Set.copyOf(chosen);
    }

    public Set<Channel> channels(Rule rule) {
        return channels.get(rule);
    }

    public RuleSettings settings() {
        return settings;
    }

    @Produces
    @Singleton
    NotificationRules rules(Clock clock) {
        return new NotificationRules(settings, clock);
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
