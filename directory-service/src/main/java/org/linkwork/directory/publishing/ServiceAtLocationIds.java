package org.linkwork.directory.publishing;

import io.quarkus.hibernate.orm.panache.Panache;

/** service_at_location ids are global in HSDS: one service may not take another's. */
final class ServiceAtLocationIds {

    private ServiceAtLocationIds() {
    }

    static boolean takenElsewhere(String id, String serviceId) {
        Number n = (Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from service_at_location where id = :id and service_id <> :service")
                .setParameter("id", id).setParameter("service", serviceId).getSingleResult();
        return n.intValue() > 0;
    }
}
