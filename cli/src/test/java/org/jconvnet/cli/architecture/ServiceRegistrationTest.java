package org.jconvnet.cli.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jconvnet.api.backend.BackendProvider;
import org.jconvnet.api.kernel.KernelProvider;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.train.distributed.DistributedTrainerProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every plug-in implementation in the project is registered in {@code META-INF/services}, and
 * every registration names a loadable implementation: a provider that is not listed is silently
 * never found by {@link java.util.ServiceLoader}, and a stale entry breaks discovery for everyone.
 */
class ServiceRegistrationTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {BackendProvider.class, KernelProvider.class, LayerPlugin.class, DistributedTrainerProvider.class})
    void everyImplementationIsRegisteredAndEveryRegistrationIsAnImplementation(Class<?> spi) throws IOException {
        Map<String, String> registered = registrations(spi);
        Set<String> implementations = implementationsOf(spi);
        List<String> problems = new ArrayList<>();

        for (String impl : implementations) {
            if (!registered.containsKey(impl)) {
                problems.add(impl + " implements " + spi.getSimpleName()
                        + " but is not listed in src/main/resources/META-INF/services/" + spi.getName());
            }
        }
        registered.forEach((name, where) -> {
            String problem = checkRegistered(spi, name);
            if (problem != null) {
                problems.add(where + " lists " + name + ", which " + problem);
            }
        });

        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {BackendProvider.class, LayerPlugin.class, DistributedTrainerProvider.class})
    void theCheckSeesRealImplementations(Class<?> spi) throws IOException {
        // Guards the test above against passing because the scan or the lookup found nothing.
        assertTrue(!implementationsOf(spi).isEmpty(), "no implementation of " + spi.getName() + " was imported");
        assertTrue(!registrations(spi).isEmpty(), "no META-INF/services entry for " + spi.getName() + " was found");
    }

    /** Non-abstract named classes of the project assignable to {@code spi}: candidates for ServiceLoader. */
    private static Set<String> implementationsOf(Class<?> spi) {
        return JConvNetClasses.get().stream()
                .filter(c -> !c.isInterface() && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .filter(c -> !c.isAnonymousClass() && !c.isLocalClass())
                .filter(c -> c.isAssignableTo(spi))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Registered class name to the services file that lists it, over every jar on the class path. */
    private static Map<String, String> registrations(Class<?> spi) throws IOException {
        Map<String, String> names = new TreeMap<>();
        ClassLoader loader = ServiceRegistrationTest.class.getClassLoader();
        Enumeration<URL> files = loader.getResources("META-INF/services/" + spi.getName());
        while (files.hasMoreElements()) {
            URL url = files.nextElement();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                Stream<String> lines = in.lines().map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty());
                lines.forEach(l -> names.putIfAbsent(l, url.toString()));
            }
        }
        return names;
    }

    /** Null when ServiceLoader can instantiate {@code name} as an {@code spi}, else what is wrong. */
    private static String checkRegistered(Class<?> spi, String name) {
        Class<?> c;
        try {
            c = Class.forName(name, false, ServiceRegistrationTest.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "does not exist on the class path (" + e + ")";
        }
        if (!spi.isAssignableFrom(c)) {
            return "does not implement " + spi.getName();
        }
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
            return "is abstract";
        }
        if (!Modifier.isPublic(c.getModifiers())) {
            return "is not public";
        }
        try {
            if (!Modifier.isPublic(c.getConstructor().getModifiers())) {
                return "has no public no-argument constructor";
            }
        } catch (NoSuchMethodException e) {
            return "has no public no-argument constructor";
        }
        return null;
    }
}
