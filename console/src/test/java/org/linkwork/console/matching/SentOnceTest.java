package org.linkwork.console.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.linkwork.console.services.Reply;
import org.linkwork.console.services.Service;
import org.linkwork.console.services.Unavailable;

class SentOnceTest {

    @Test
    void theSameKeyIsSentOnceAndAnsweredWithTheFirstReply() {
        SentOnce once = new SentOnce();
        AtomicInteger sent = new AtomicInteger();

        Reply first = once.send("lw.demo", "k-1", () -> new Reply(201, sent.incrementAndGet()));
        Reply again = once.send("lw.demo", "k-1", () -> new Reply(201, sent.incrementAndGet()));
        Reply otherKey = once.send("lw.demo", "k-2", () -> new Reply(201, sent.incrementAndGet()));
        Reply otherPerson = once.send("lw2.demo", "k-1", () -> new Reply(201, sent.incrementAndGet()));

        assertThat(sent).hasValue(3);
        assertThat(again).isSameAs(first);
        assertThat(otherKey.body()).isEqualTo(2);
        assertThat(otherPerson.body()).isEqualTo(3);
    }

    @Test
    void aSendThatFailedIsTriedAgain() {
        SentOnce once = new SentOnce();

        assertThatThrownBy(() -> once.send("lw.demo", "k-1", () -> {
            throw new Unavailable(Service.MATCHING, "no answer");
        })).isInstanceOf(Unavailable.class);
        Reply retried = once.send("lw.demo", "k-1", () -> new Reply(201, "stored"));

        assertThat(retried.body()).isEqualTo("stored");
    }
}
