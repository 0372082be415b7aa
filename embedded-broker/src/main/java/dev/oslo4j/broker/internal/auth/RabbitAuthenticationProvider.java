package dev.oslo4j.broker.internal.auth;

import java.util.List;
import java.util.Map;

import org.apache.qpid.server.model.AbstractConfiguredObjectTypeFactory;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.ManagedObject;
import org.apache.qpid.server.model.NamedAddressSpace;
import org.apache.qpid.server.security.auth.AuthenticationResult;
import org.apache.qpid.server.security.auth.UsernamePrincipal;
import org.apache.qpid.server.security.auth.manager.PlainAuthenticationProvider;
import org.apache.qpid.server.security.auth.sasl.SaslNegotiator;
import org.apache.qpid.server.security.auth.sasl.SaslSettings;
import org.apache.qpid.server.security.auth.sasl.anonymous.AnonymousNegotiator;

import dev.oslo4j.broker.internal.PluginTypes;

/**
 * Users and passwords as Broker-J's {@code Plain} provider keeps them, offered the way RabbitMQ offers
 * them: {@code AMQPLAIN PLAIN} (AMQPLAIN first). With the broker context flag {@value #ANONYMOUS_CONTEXT}
 * set, {@code ANONYMOUS} is offered too and logs in as the configured user.
 */
@ManagedObject(category = false, type = PluginTypes.AUTHENTICATION,
        validChildTypes = "org.apache.qpid.server.security.auth.manager."
                + "ConfigModelPasswordManagingAuthenticationProvider#getSupportedUserTypes()")
public class RabbitAuthenticationProvider extends PlainAuthenticationProvider {

    /** Broker context key: offer ANONYMOUS (logging in as {@value #ANONYMOUS_USER_CONTEXT}). */
    public static final String ANONYMOUS_CONTEXT = "oslo4j.auth.anonymous";
    /** Broker context key: the user an ANONYMOUS login becomes. */
    public static final String ANONYMOUS_USER_CONTEXT = "oslo4j.auth.anonymousUser";

    private static final String PLAIN = "PLAIN";
    private static final String ANONYMOUS = "ANONYMOUS";

    protected RabbitAuthenticationProvider(Map<String, Object> attributes, Broker<?> broker) {
        super(attributes, broker);
    }

    @Override
    public List<String> getMechanisms() {
        return anonymousAllowed() ? List.of(AmqPlainNegotiator.MECHANISM, PLAIN, ANONYMOUS)
                : List.of(AmqPlainNegotiator.MECHANISM, PLAIN);
    }

    @Override
    public SaslNegotiator createSaslNegotiator(String mechanism, SaslSettings saslSettings,
                                               NamedAddressSpace addressSpace) {
        if (AmqPlainNegotiator.MECHANISM.equals(mechanism)) {
            return new AmqPlainNegotiator(this);
        }
        if (ANONYMOUS.equals(mechanism) && anonymousAllowed()) {
            String user = getContextValue(String.class, ANONYMOUS_USER_CONTEXT);
            return new AnonymousNegotiator(new AuthenticationResult(new UsernamePrincipal(user, this)));
        }
        return PLAIN.equals(mechanism) ? super.createSaslNegotiator(mechanism, saslSettings, addressSpace) : null;
    }

    private boolean anonymousAllowed() {
        return getContextKeys(false).contains(ANONYMOUS_CONTEXT)
                && Boolean.TRUE.equals(getContextValue(Boolean.class, ANONYMOUS_CONTEXT));
    }

    /** Hand-written type factory (Broker-J 10's code generator is not published). */
    public static final class Factory extends AbstractConfiguredObjectTypeFactory<PlainAuthenticationProvider> {
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Factory() {
            super((Class) RabbitAuthenticationProvider.class);
        }

        @Override
        protected PlainAuthenticationProvider createInstance(Map<String, Object> attributes,
                                                             ConfiguredObject<?> parent) {
            return new RabbitAuthenticationProvider(attributes, (Broker<?>) parent);
        }
    }
}
