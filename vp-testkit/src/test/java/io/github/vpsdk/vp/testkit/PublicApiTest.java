package io.github.vpsdk.vp.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The house rule, checked by reflection over every vp module on the class path: no Netty, CXF,
 * Bouncy Castle or Jackson type appears in a public signature outside {@code internal} packages.
 * A console vendor can then upgrade or replace those libraries without touching its code.
 */
class PublicApiTest {
  private static final String ROOT = "io/github/vpsdk/vp";
  private static final List<String> FORBIDDEN =
      List.of("io.netty.", "org.apache.cxf.", "org.bouncycastle.", "tools.jackson.", "com.fasterxml.jackson.");
  /** Escape hatches a module may expose on purpose, by class name (for example a *NettyConfig). */
  private static final Set<String> ALLOWED_CLASSES = Set.of();

  @Test
  void noThirdPartyTypesInPublicSignatures() throws Exception {
    List<String> classes = vpClasses();
    assertThat(classes).as("vp classes found on the class path").hasSizeGreaterThan(20);
    Set<String> problems = new TreeSet<>();
    for (String name : classes) {
      if (name.contains(".internal.") || name.startsWith("io.github.vpsdk.vp.testkit.cli")) {
        continue; // the CLI is an application, not API
      }
      Class<?> type = Class.forName(name, false, getClass().getClassLoader());
      if (!isExported(type) || ALLOWED_CLASSES.contains(name)) {
        continue;
      }
      check(problems, name + " extends", type.getGenericSuperclass());
      for (Type t : type.getGenericInterfaces()) {
        check(problems, name + " implements", t);
      }
      for (Method m : type.getDeclaredMethods()) {
        if (visible(m.getModifiers()) && !m.isSynthetic()) {
          check(problems, name + "." + m.getName() + " returns", m.getGenericReturnType());
          for (Type p : m.getGenericParameterTypes()) {
            check(problems, name + "." + m.getName() + " takes", p);
          }
          for (Type p : m.getGenericExceptionTypes()) {
            check(problems, name + "." + m.getName() + " throws", p);
          }
        }
      }
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        if (visible(c.getModifiers()) && !c.isSynthetic()) {
          for (Type p : c.getGenericParameterTypes()) {
            check(problems, name + ".<init> takes", p);
          }
        }
      }
      for (Field f : type.getDeclaredFields()) {
        if (visible(f.getModifiers()) && !f.isSynthetic()) {
          check(problems, name + "." + f.getName(), f.getGenericType());
        }
      }
      if (type.isRecord()) {
        for (RecordComponent rc : type.getRecordComponents()) {
          check(problems, name + " component " + rc.getName(), rc.getGenericType());
        }
      }
    }
    assertThat(problems).as("third-party types in vp's public API").isEmpty();
  }

  private static boolean isExported(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getDeclaringClass()) {
      if (!visible(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void check(Set<String> problems, String where, Type type) {
    check(problems, where, type, new java.util.HashSet<>());
  }

  /** {@code variables} holds the type variables being checked, so that E extends Enum<E> ends. */
  private static void check(
      Set<String> problems, String where, Type type, Set<TypeVariable<?>> variables) {
    if (type == null) {
      return;
    }
    if (type instanceof Class) {
      Class<?> c = (Class<?>) type;
      while (c.isArray()) {
        c = c.getComponentType();
      }
      for (String prefix : FORBIDDEN) {
        if (c.getName().startsWith(prefix)) {
          problems.add(where + " " + c.getName());
        }
      }
    } else if (type instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) type;
      check(problems, where, p.getRawType(), variables);
      for (Type arg : p.getActualTypeArguments()) {
        check(problems, where, arg, variables);
      }
    } else if (type instanceof GenericArrayType) {
      check(problems, where, ((GenericArrayType) type).getGenericComponentType(), variables);
    } else if (type instanceof WildcardType) {
      WildcardType w = (WildcardType) type;
      for (Type b : w.getUpperBounds()) {
        check(problems, where, b, variables);
      }
      for (Type b : w.getLowerBounds()) {
        check(problems, where, b, variables);
      }
    } else if (type instanceof TypeVariable && variables.add((TypeVariable<?>) type)) {
      for (Type b : ((TypeVariable<?>) type).getBounds()) {
        check(problems, where, b, variables);
      }
    }
  }

  /** Every class under io/github/vpsdk/vp in main (not test) output of the vp modules. */
  private List<String> vpClasses() throws IOException, URISyntaxException {
    List<String> names = new ArrayList<>();
    Enumeration<URL> roots = getClass().getClassLoader().getResources(ROOT);
    for (URL url : Collections.list(roots)) {
      if (url.getProtocol().equals("jar")) {
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          for (JarEntry entry : Collections.list(jar.entries())) {
            addClass(names, entry.getName());
          }
        }
      } else if (url.getProtocol().equals("file")) {
        Path dir = Paths.get(url.toURI());
        if (dir.toString().contains("test-classes")) {
          continue;
        }
        Path base = dir.getParent().getParent().getParent().getParent();
        try (Stream<Path> files = Files.walk(dir)) {
          files.forEach(f -> addClass(names, base.relativize(f).toString().replace('\\', '/')));
        }
      }
    }
    return names;
  }

  private static void addClass(List<String> names, String path) {
    if (path.startsWith(ROOT) && path.endsWith(".class") && !path.endsWith("package-info.class")
        && !path.contains("module-info")) {
      names.add(path.substring(0, path.length() - 6).replace('/', '.'));
    }
  }
}
