package org.linkwork.notification.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import org.linkwork.platform.testing.LinkworkTestResources;

/**
 * The platform's real Kafka and PostgreSQL, plus this service's outside world: a real SMTP server
 * (GreenMail) and the SMS gateway stub. Every test class uses it, so Quarkus boots once.
 */
public class NotificationTestResources implements QuarkusTestResourceLifecycleManager {

    private final LinkworkTestResources platform = new LinkworkTestResources();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(platform.start());
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(TestMail.port()));
        config.put("quarkus.mailer.start-tls", "DISABLED");
        config.put("quarkus.mailer.mock", "false");
        config.put("linkwork.sms.base-url", NotifyStub.baseUrl());
        config.put("linkwork.sms.api-key", NotifyStub.API_KEY);
        config.put("linkwork.sms.template-id", NotifyStub.TEMPLATE_ID);
        return config;
    }

    @Override
    public void stop() {
        platform.stop();
    }
}
