package org.linkwork.matching.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Proposals recently read, so a link worker's repeated reads do not go to the database. A write
 * (a new proposal, a saved re-run, a verdict) drops the referral's entry once its transaction has
 * ended; a read that overlapped any such write is not kept, so a stale copy never gets in.
 */
@ApplicationScoped
public class RecentProposals {

    private final ConcurrentHashMap<UUID, ProposalReader.Stored> cache = new ConcurrentHashMap<>();
    private final int capacity;
    private final TransactionSynchronizationRegistry transactions;
    /** Bumped by every drop: a read keeps its result only if nothing was dropped while it read. */
    private long drops;

    RecentProposals(MatchingSettings settings, TransactionSynchronizationRegistry transactions) {
        this.capacity = settings.readCacheSize();
        this.transactions = transactions;
    }

    /** The stored proposal, from memory when it was read recently and has not changed since. */
    public Optional<ProposalReader.Stored> read(UUID referralId, Supplier<Optional<ProposalReader.Stored>> database) {
        if (capacity == 0) {
            return database.get();
        }
        ProposalReader.Stored known = cache.get(referralId);
        if (known != null) {
            return Optional.of(known);
        }
        long before = drops();
        Optional<ProposalReader.Stored> read = database.get();
        read.ifPresent(stored -> keep(referralId, stored, before));
        return read;
    }

    /** The proposal if it is in memory; empty when it must be read from the database. */
    public Optional<ProposalReader.Stored> known(UUID referralId) {
        return capacity == 0 ? Optional.empty() : Optional.ofNullable(cache.get(referralId));
    }

    /** Within the writing transaction: drops the referral's copy now and again when the transaction ends. */
    public void changing(UUID referralId) {
        drop(referralId);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                drop(referralId);
            }
        });
    }

    private synchronized long drops() {
        return drops;
    }

    private synchronized void drop(UUID referralId) {
        drops++;
        cache.remove(referralId);
    }

    private synchronized void keep(UUID referralId, ProposalReader.Stored stored, long dropsBefore) {
        if (drops != dropsBefore) {
            return;
        }
        if (cache.size() >= capacity) {
            // any one out: the cache only saves repeated reads, which entry goes matters little
            Iterator<UUID> oldest = cache.keySet().iterator();
            if (oldest.hasNext()) {
                cache.remove(oldest.next());
            }
        }
        cache.put(referralId, stored);
    }
}
