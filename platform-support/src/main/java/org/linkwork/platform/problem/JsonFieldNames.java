package org.linkwork.platform.problem;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.validator.BaseHibernateValidatorConfiguration;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/**
 * Makes validation errors name fields as the client wrote them in JSON (e.g. HSDS's
 * {@code postal_code}), not as the Java record component is called.
 */
@ApplicationScoped
public class JsonFieldNames implements ValidatorFactoryCustomizer {

    final Instance<ObjectMapper> mapper;

    JsonFieldNames(Instance<ObjectMapper> mapper) {
        this.mapper = mapper;
    }

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        configuration.propertyNodeNameProvider(new Provider(mapper));
    }

    static final class Provider implements PropertyNodeNameProvider {

        private final Instance<ObjectMapper> mapper;
        private final Map<Class<?>, Map<String, String>> names = new ConcurrentHashMap<>();

        Provider(Instance<ObjectMapper> mapper) {
            this.mapper = mapper;
        }

        @Override
        public String getName(Property property) {
            if (property instanceof JavaBeanProperty bean) {
                return names.computeIfAbsent(bean.getDeclaringClass(), this::jsonNames)
                        .getOrDefault(property.getName(), property.getName());
            }
            return property.getName();
        }

        private Map<String, String> jsonNames(Class<?> type) {
            Map<String, String> byJavaName = new ConcurrentHashMap<>();
            ObjectMapper m = mapper.get();
            BeanDescription description = m.getDeserializationConfig().introspect(m.constructType(type));
            for (BeanPropertyDefinition p : description.findProperties()) {
                byJavaName.put(p.getInternalName(), p.getName());
            }
            return byJavaName;
        }
    }
}
